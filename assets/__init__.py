"""The station's assets (demo package and master data, translations, icons).

A source checkout reads this folder in place; a wheel installs it as the ``kiosk_assets``
package (see ``[tool.setuptools]`` in pyproject.toml) and ``kiosk.paths.assets_dir`` finds
it through :mod:`importlib.resources`. Nothing here is meant to be imported.
"""
