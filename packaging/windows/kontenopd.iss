; Inno Setup 6 script for KontenOPD: a per-user installer (no administrator rights).
; Build the PyInstaller folder first (python packaging\build.py -> dist\KontenOPD-<version>),
; then, from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\kontenopd.iss   -> dist\KontenOPD-0.1.0-setup.exe
; (.github/workflows/windows.yml does both; the version comes from pyproject.toml.)
;
; Installs into %LOCALAPPDATA%\Programs\KontenOPD ({autopf} in per-user mode), adds a
; Start-menu entry and the .kontenopd file association under HKCU, and uninstalls only what it
; installed: the user's drafts, profiles and settings (%LOCALAPPDATA%\KontenOPD, from
; platformdirs; see src/kontenopd/core/paths.py) and a portable KontenOPD-data folder are
; never deleted.
;
; Languages: English only; Inno Setup ships no official Indonesian messages file.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "KontenOPD"
#define AppExe "KontenOPD.exe"
#define BundleDir "..\..\dist\KontenOPD-" + AppVersion

[Setup]
AppId={{8E0F5C1B-6B1C-4C57-9D1E-0A6B7F4C2A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KontenOPD developers
; per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs, {autoprograms} the user's
; Start menu, HKA is HKCU
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=kontenopd.ico
OutputDir=..\..\dist
OutputBaseFilename=KontenOPD-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
; Qt 6.8+ runs on 64-bit Windows 10 1809 or later only: refuse older PCs with a clear message
; instead of an install that cannot start.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
CloseApplications=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's libraries whole: no stale Qt plugin from an older build.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Konten media sosial OPD, luring"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Double-clicking a .kontenopd draft opens it in the app (HKA = HKCU in a per-user install).
Root: HKA; Subkey: "Software\Classes\.kontenopd"; ValueType: string; ValueName: ""; ValueData: "KontenOPD.Draft"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.kontenopd\OpenWithProgids"; ValueType: string; ValueName: "KontenOPD.Draft"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\KontenOPD.Draft"; ValueType: string; ValueName: ""; ValueData: "Draf KontenOPD"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\KontenOPD.Draft\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\KontenOPD.Draft\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".kontenopd"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes the files it installed and nothing else, so
; the drafts, autosaves, profiles and settings under %LOCALAPPDATA%\KontenOPD stay.
