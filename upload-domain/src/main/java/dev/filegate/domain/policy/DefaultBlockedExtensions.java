package dev.filegate.domain.policy;

import java.util.Arrays;
import java.util.Set;

/**
 * The default lists behind {@link FilenameRules#DEFAULT_BLOCKED_EXTENSIONS} and
 * {@link FilenameRules#DEFAULT_BLOCKED_LAST_EXTENSIONS}, as data: one line per kind of handler, each group under the
 * reason it is blocked. Entries are written already normalised (lower case, no dots or spaces), and a duplicate fails
 * when the class loads.
 */
final class DefaultBlockedExtensions {

    /**
     * Extensions refused anywhere in a name (not only the last one, because Apache {@code mod_mime} and similar
     * handler mappings act on any of them: {@code x.php.jpg}): what an operating system runs, installs or follows when
     * the file is opened, and what a web server executes. Entries are compared with the name's normalised segments.
     *
     * <p>Not listed, deliberately:
     * <ul>
     * <li>{@code html}, {@code htm}, {@code svg} (and {@code xml}, {@code mht}): dangerous only when rendered inline,
     * and this service never does that: downloads are {@code Content-Disposition: attachment} with {@code nosniff} and
     * {@code Content-Security-Policy: sandbox}, and the magic-byte check refuses markup declared as an image or a PDF.
     * They are ordinary document types ({@link KnownFileTypes}); whether they are accepted at all is the media-type
     * allow-list's decision (the default one refuses them). {@code xhtml} <em>is</em> listed: Jakarta Faces
     * (Facelets) executes {@code .xhtml} pages on the server.</li>
     * <li>Containers: {@code zip}, {@code gz}, {@code tar}, {@code cab}, {@code iso}, {@code img}, {@code vhd},
     * {@code dmg}. They run nothing by themselves; the allow-list decides.</li>
     * <li>{@code bin}, {@code elf}: Unix runs files by their mode bit and magic, never by name, and these extensions
     * mostly mark plain binary data and firmware images.</li>
     * <li>{@code ko} (Linux kernel module): only root loads one, with {@code modprobe}, whatever its name; and
     * {@code .ko.} is the Korean language tag in names such as {@code film.ko.srt}.</li>
     * <li>{@code cer}: legacy IIS maps it to ASP, but it is first a certificate, a real document type; so are
     * {@code crt} and {@code der}. Microsoft's Outlook list blocks all three because opening one starts the
     * certificate import wizard, which still asks before it installs anything.</li>
     * <li>The other entries of Microsoft's "Blocked attachments in Outlook" list that are first ordinary documents or
     * data: {@code cab}, {@code vhd} and {@code vhdx} (containers and disk images, like {@code iso} and {@code img}
     * above), {@code pst} (an Outlook data file), {@code tmp} (whatever a program left behind) and {@code mat}
     * (Microsoft blocks it as an Access table shortcut, but it is first MATLAB's data file, common in science).</li>
     * <li>Office documents with macros ({@code docm}, {@code xlsm}, ...) and Access databases in the current format
     * ({@code accdb}, {@code accdt}): documents, opened by an application that asks before running macros; the
     * allow-list decides. The older Access files that Microsoft blocks ({@code mdb}, {@code mda}, {@code mdt},
     * {@code mdw}, {@code mdz}, with {@code mde} and {@code accde} as before) are listed.</li>
     * <li>{@code bundle} (a macOS loadable bundle, a directory that Finder never runs): the segment is everyday in
     * build output such as {@code styles.bundle.css} and in Git bundles ({@code repo.bundle}).</li>
     * <li>{@code one} (OneNote): a document, not on Microsoft's list; {@code chapter.one.pdf} is an ordinary name.</li>
     * </ul>
     *
     * <p>Windows shell handlers whose extension is also an ordinary word or abbreviation inside dotted names
     * ({@code theme}, {@code website}, {@code mar} for March, {@code inc} for a company, ...) are refused as the last
     * extension only: see {@link #LAST}.
     *
     * <p>The names with a hyphen ({@code appref-ms}, {@code library-ms}, ...) cannot be a last extension anyway (an
     * extension must be 1 to 10 ASCII letters or digits), but listing them refuses them as inner segments too and names
     * the reason. Segments are split on dots, so a dotted extension could never match and none is listed.
     */
    static final Set<String> ANYWHERE = extensions(
            // Windows: programs and libraries, installers, scripts run by a shell or Windows Script Host,
            // shortcuts and settings files that run or point at something when opened.
            "exe com scr pif cpl dll ocx sys drv",
            "msi msp mst msu msix msixbundle appx appxbundle appinstaller application appref-ms xbap gadget",
            "bat cmd ps1 ps1xml psc1 psd1 psm1 pssc vbs vbe js jse ws wsf wsh wsc sct hta chm hlp",
            "lnk url scf library-ms searchconnector-ms settingcontent-ms reg inf msc diagcab wsb xll",
            // Windows, older or rarer but still run by the shell, Office or the Monad/PowerShell host: shell scrap
            // objects, Access projects, Monad scripts, Excel web queries and SYLK, VSTO add-ins, Remote Desktop files.
            "shs shb ade adp mde accde msh msh1 msh2 mshxml msh1xml msh2xml ps2 ps2xml psc2 iqy slk vsto rdp",
            // Windows, the rest of Microsoft's "Blocked attachments in Outlook" list: Visual Basic source and projects,
            // Windows Media redirectors, BGInfo settings, FoxPro, program groups, help projects, HTML components,
            // Internet settings, Media Container and Office profile files, the old Access databases and add-ins,
            // Photo CD and Visual Test scripts, Developer Studio logs, Outlook profiles, printer migration files,
            // Visual Studio macros, web point-and-print, Exchange shortcuts, search and theme files.
            "vb vbp bas asx bgi fxp hpj htc isp mcf mda mdb mdt mdw mdz accda ops osd pcd plg prf prg",
            "printerexport psdm1 appcontent-ms vsmacros vsw webpnp xnk themepack deskthemepack msstyles",
            // macOS: applications and installers, scripts run by Terminal, Script Editor or Automator, shortcuts,
            // configuration profiles, libraries.
            "app pkg mpkg command tool terminal scpt applescript workflow action",
            "webloc fileloc inetloc mobileconfig dylib osax kext prefpane",
            // Linux and Unix: shell scripts, self-extracting installers, packages, desktop launchers, libraries.
            "sh bash zsh csh tcsh ksh fish run deb rpm appimage snap flatpak flatpakref desktop so",
            // Mobile and browser packages.
            "apk xapk ipa crx xpi",
            // Cross-platform runtimes and interpreters that run a file when it is opened or deployed.
            "jar war ear class jnlp py pyc pyo pyw pyz pyzw rb pl pm cgi fcgi wsgi lua tcl mjs cjs",
            // Server-side web: PHP, ASP and ASP.NET, Java Server Pages and Faces, ColdFusion, server-side includes,
            // Apache per-directory configuration.
            "php php2 php3 php4 php5 php6 php7 php8 phtml phtm pht phps phar",
            "asp asa cdx aspx ascx ashx asmx asax axd svc cshtml vbhtml",
            "jsp jspx jspf jsf xhtml cfm cfml cfc shtml shtm stm htaccess htpasswd");

    /**
     * Extensions refused as the last extension only: Windows shell handlers (which act on the last extension alone,
     * and which no web server maps) whose extension is also an ordinary word or abbreviation inside dotted names,
     * so that refusing them anywhere would refuse everyday names: {@code dark.theme.json},
     * {@code invoice.mar.2026.pdf}, {@code Acme.Inc.Report.pdf}, {@code keyboard.shortcut.png}.
     *
     * <p>From Microsoft's Outlook list: themes (which can fetch remote resources when opened), pinned-site shortcuts,
     * Access object shortcuts ({@code mad} to {@code maw}, without {@code mat}: see {@link #ANYWHERE}), help contents,
     * program groups, Internet settings and document sets. With them Apple's Shortcuts files, and {@code inc}: PHP and
     * ASP include files, which a server runs or serves as source where an operator mapped the extension; as an inner
     * segment it is mostly a company suffix, and web servers are not configured to run {@code x.inc.jpg}.
     */
    static final Set<String> LAST = extensions(
            // Themes and pinned sites; Access object shortcuts; help contents, program groups, Internet settings,
            // document sets; Apple Shortcuts; PHP and ASP includes.
            "theme website", "mad maf mag mam maq mar mas mau mav maw", "cnt grp ins its", "shortcut", "inc");

    private DefaultBlockedExtensions() {}

    /** One set of the space-separated entries of every line; {@link Set#of} refuses a duplicate. */
    private static Set<String> extensions(String... lines) {
        return Set.of(Arrays.stream(lines)
                .flatMap(line -> Arrays.stream(line.split(" ")))
                .toArray(String[]::new));
    }
}
