; Inno Setup 6.3+ script (also compiles with Inno Setup 7) for Synset: a per-user install, no admin rights.
;
;   pyinstaller --noconfirm --clean packaging\synset.spec
;   ISCC /DAppVersion=<python packaging\version.py> /DAppNumericVersion=<... --numeric> packaging\installer.iss
;
; packaging\README.md has the same steps for PowerShell, with where to find ISCC.exe.
;
; Input: the one-folder bundle dist\Synset\ (override with /DSourceDir=...). Output: dist\installer\Synset-<version>-Setup.exe.
; The installer carries everything: nothing is downloaded while installing or at first start. The VC++ runtime
; DLLs travel inside the bundle (app-local, see packaging\README.md), so no vc_redist and no admin rights are needed.

; The x64compatible architecture identifier below is new in Inno Setup 6.3: older compilers reject it.
#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (x64compatible)
#endif
#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=0.1.0 /DAppNumericVersion=0.1.0.0 packaging\installer.iss (python packaging\version.py [--numeric] prints them)
#endif
; Windows' file version is four numbers: "0.2.0rc1" cannot be one, so it is passed apart (version.py --numeric).
#ifndef AppNumericVersion
  #error Pass the four-number version too: /DAppNumericVersion=0.1.0.0 (python packaging\version.py --numeric prints it)
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\Synset"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist\installer"
#endif
#define AppName "Synset"
#define AppExe "Synset.exe"

; SourceDir may be absolute or relative to this script's folder: [Files] looks for a relative Source there, not in
; the folder ISCC was started from, so that is where the bundle is checked for.
#if Copy(SourceDir, 2, 1) == ":" || Copy(SourceDir, 1, 2) == "\\"
  #define BundleExe SourceDir + "\" + AppExe
#else
  #define BundleExe AddBackslash(SourcePath) + SourceDir + "\" + AppExe
#endif
#if !FileExists(BundleExe)
  #error The bundle is missing (no Synset.exe in SourceDir, relative to this script): build it first with pyinstaller packaging\synset.spec
#endif

[Setup]
; AppId identifies the app for upgrades and the uninstaller: never change it.
AppId={{60547481-39BE-4DE7-8F31-0AEF19EC8589}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Synset developers
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductVersion={#AppNumericVersion}
VersionInfoDescription={#AppName} setup
; Per user: {autopf} becomes %LOCALAPPDATA%\Programs, {autoprograms} the user's Start menu. No UAC prompt.
; An administrator can still install for all users from the command line with /ALLUSERS. Setup does not look for an
; install in the other scope: a per-user copy and an /ALLUSERS copy would live side by side (packaging\README.md).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; 64-bit only: the bundled Python, Qt and ONNX Runtime (DirectML) are x64 builds.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 1809 or later (Qt 6 and DirectML need it).
MinVersion=10.0.17763
SetupIconFile=synset.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-Setup
; Replacing files of a running Synset fails: ask to close it (Restart Manager), don't restart it afterwards.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: a library left over from an older version must not shadow a new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "See what a camera or a picture contains"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
