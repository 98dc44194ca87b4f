"""ERP adapters: the bridge's side of an ERP (:mod:`.base` the interface, :mod:`.runner`
the loop, :mod:`.state` its checkpoint, :mod:`.config` the ``[erp]`` table).

Adapters, chosen by ``[erp] adapter``: ``rest`` (:mod:`.rest`: the ERP calls the REST
endpoints), ``folders`` (:mod:`.folders`: inbox/outbox files), ``tryton`` (:mod:`.tryton`
over :mod:`.tryton_rpc`). The feed and master-data entry points of the bridge are reached
through :mod:`.feed` only.
"""
