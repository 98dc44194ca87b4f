; Inno Setup 6 script for the station kiosk on Windows 10/11 (IoT) Enterprise.
;
; Input: the PyInstaller one-folder bundle built on Windows with
;   .venv\Scripts\pyinstaller kiosk.spec --noconfirm --distpath dist
; which leaves dist\kiosk\kiosk.exe. Then, from the repository's top folder:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\station-kiosk.iss
; writes dist\station-kiosk-0.1.0-setup.exe. Silent install for IT:
;   station-kiosk-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG=C:\Windows\Temp\kiosk-setup.log
;
; What it does: the bundle under {autopf}\Station Kiosk, the station's folders under
; C:\ProgramData\StationKiosk (config, data, log) readable and writable only by SYSTEM,
; Administrators and the kiosk account, and the KIOSK_* machine environment variables that
; point the station at them. The shell replacement (Shell Launcher) or Assigned Access is
; set up separately: see README "Deploying to a station", Windows. Uninstalling keeps the
; station's data; delete C:\ProgramData\StationKiosk to remove it.
;
; Not built or run here (no Windows on the development machines): keep it plain.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef KioskAccount
  ; The local account the station runs as (Shell Launcher / Assigned Access user).
  #define KioskAccount "kiosk"
#endif

[Setup]
AppId={{6F1C2A57-3B0E-4C7A-9E51-8D2F3A4B5C60}
AppName=Station Kiosk
AppVersion={#AppVersion}
AppPublisher=Station kiosk maintainers
DefaultDirName={autopf}\Station Kiosk
DisableDirPage=yes
DisableProgramGroupPage=yes
DisableReadyPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=station-kiosk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
; A running station holds its files: setup asks it to close through the Restart Manager
; (unverified here how the fullscreen shell answers; the README has IT sign the station
; out first) and the station starts again at the next sign-in of the kiosk account.
CloseApplications=yes
RestartApplications=no
ChangesEnvironment=yes
UninstallDisplayIcon={app}\kiosk.exe

[Files]
Source: "..\..\dist\kiosk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; Inherited permissions removed: SYSTEM, Administrators and the kiosk account only.
Name: "{commonappdata}\StationKiosk"; Flags: uninsneveruninstall
Name: "{commonappdata}\StationKiosk\config"; Flags: uninsneveruninstall
Name: "{commonappdata}\StationKiosk\data"; Flags: uninsneveruninstall
Name: "{commonappdata}\StationKiosk\log"; Flags: uninsneveruninstall

[Registry]
; The station and `kiosk` commands run by IT use the same folders.
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; ValueName: "KIOSK_CONFIG"; ValueData: "{commonappdata}\StationKiosk\config\station.toml"; Flags: uninsdeletevalue
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; ValueName: "KIOSK_DATA_DIR"; ValueData: "{commonappdata}\StationKiosk\data"; Flags: uninsdeletevalue
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: string; ValueName: "KIOSK_LOG_DIR"; ValueData: "{commonappdata}\StationKiosk\log"; Flags: uninsdeletevalue

[Run]
; Lock the station's folders down (icacls ships with Windows). /inheritance:r drops the
; inherited Users entries; the kiosk account is added only if it exists.
Filename: "{sys}\icacls.exe"; Parameters: """{commonappdata}\StationKiosk"" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F /T /C /Q"; Flags: runhidden waituntilterminated
Filename: "{sys}\icacls.exe"; Parameters: """{commonappdata}\StationKiosk"" /grant:r {#KioskAccount}:(OI)(CI)M /T /C /Q"; Flags: runhidden waituntilterminated; Check: AccountExists('{#KioskAccount}')
; The installer's smoke test, as on Linux: exit 0 or the reasons in the setup log.
Filename: "{app}\kiosk.exe"; Parameters: "self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the station (kiosk self-test)..."

[Code]
function AccountExists(Name: String): Boolean;
var
  Code: Integer;
begin
  Result := Exec(ExpandConstant('{sys}\net.exe'), 'user "' + Name + '"', '', SW_HIDE,
    ewWaitUntilTerminated, Code) and (Code = 0);
end;
