; GridKeeper (网格管家) for Windows: Inno Setup 6 script over the bundle in dist\GridKeeper\.
;
; Build on Windows, from the repository's top folder, after `py dev.py bundle`:
;
;     iscc installer\gridkeeper.iss
;
; which writes dist\GridKeeper-<version>-setup.exe. (iscc is Inno Setup 6's compiler, in
; "C:\Program Files (x86)\Inno Setup 6\".) The version comes from the bundle's executable.
;
; Per user, no administrator: PrivilegesRequired=lowest installs into
; %LOCALAPPDATA%\Programs\GridKeeper and makes the shortcuts for this user only.
;
; The profile is never the installer's: it lives in %LOCALAPPDATA%\GridKeeper (platformdirs'
; user data folder, gridkeeper/paths.py), a folder this script neither writes nor names, so
; the uninstaller, which removes only what it installed, leaves the records and their backups
; alone. An upgrade is the same AppId installed over the old one: the program files are
; replaced, the profile is untouched, and the new version migrates it at its first start after
; a checked backup, as it does for any profile (gridkeeper/store/migrate.py).
;
; Languages: English (Inno's own Default.isl) and Simplified Chinese: installer\zh_CN.isl,
; our own translation of the messages of the pages this installer shows, over Default.isl
; (Inno Setup 6 ships no official Chinese; a message we did not translate shows in English).
;
; tools/check_installer.py checks on Linux that every file named here exists in dist/GridKeeper.

#define AppName "GridKeeper"
#define AppNameZh "网格管家"
#define AppExe "GridKeeper.exe"
#define Bundle "..\dist\GridKeeper"
#define AppVersion GetVersionNumbersString(Bundle + "\" + AppExe)

[Setup]
; The AppId ties upgrades and the uninstaller to one product: never change it.
AppId={{5C7D2E4A-3B61-4F0E-9A8D-6E2B1C9F0A47}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppName} {#AppVersion}
AppPublisher={#AppName}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppNameZh}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#Bundle}\_internal\resources\icons\gridkeeper.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameZh} {#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl,zh_CN.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Messages]
; Default.isl's "remove %1 and all of its components?" would frighten: the records stay.
english.ConfirmUninstall=Remove the %1 program files from this computer?%n%nYour profile (households, records and their backups) is kept elsewhere and is not removed.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole bundle folder; "ignoreversion": always the bundle's own copies, whatever their version numbers.
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade starts from a clean program folder, so no file of an older bundle lingers beside the new one.
; {app}\_internal holds program files only; the profile is elsewhere (see the top).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppNameZh} {#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppNameZh} {#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent
