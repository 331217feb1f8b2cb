; Inno Setup script for KontenOPD. Build the PyInstaller folder first
; (pyinstaller packaging/kontenopd.spec), then: iscc /DAppVersion=0.1.0 packaging\windows\kontenopd.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{8E0F5C1B-6B1C-4C57-9D1E-0A6B7F4C2A11}
AppName=KontenOPD
AppVersion={#AppVersion}
AppPublisher=KontenOPD
DefaultDirName={autopf}\KontenOPD
DefaultGroupName=KontenOPD
OutputBaseFilename=KontenOPD-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
WizardStyle=modern

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\KontenOPD-{#AppVersion}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\KontenOPD"; Filename: "{app}\KontenOPD.exe"
Name: "{autodesktop}\KontenOPD"; Filename: "{app}\KontenOPD.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Registry]
; Double-clicking a .kontenopd draft opens it in the app.
Root: HKA; Subkey: "Software\Classes\.kontenopd"; ValueType: string; ValueData: "KontenOPD.Draft"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\KontenOPD.Draft"; ValueType: string; ValueData: "Draf KontenOPD"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\KontenOPD.Draft\shell\open\command"; ValueType: string; ValueData: """{app}\KontenOPD.exe"" ""%1"""

[Run]
Filename: "{app}\KontenOPD.exe"; Description: "{cm:LaunchProgram,KontenOPD}"; Flags: nowait postinstall skipifsilent
