<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Andon</name>
    <message>
        <location filename="../../ui/dialogs.py" line="116"/>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="117"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="118"/>
        <source>Maintenance</source>
        <translation>Instandhaltung</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="119"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="128"/>
        <source>Help is called: {0}</source>
        <translation>Hilfe gerufen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="129"/>
        <source>It stays on the top bar until someone clears it.</source>
        <translation>Bleibt in der Kopfleiste, bis jemand es erledigt.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="137"/>
        <source>Call for help</source>
        <translation>Hilfe rufen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="138"/>
        <source>What do you need?</source>
        <translation>Was brauchen Sie?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="146"/>
        <source>{0} called at {1}</source>
        <translation>{0} gerufen um {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>Clear</source>
        <translation>Erledigt</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../ui/app.py" line="121"/>
        <source>Demo devices</source>
        <translation>Demo-Geräte</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="133"/>
        <source>Scan:</source>
        <translation>Scannen:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="138"/>
        <source>Tighten OK</source>
        <translation>Verschraubung OK</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="140"/>
        <source>Tighten NOK</source>
        <translation>Verschraubung NIO</translation>
    </message>
</context>
<context>
    <name>Downtime</name>
    <message>
        <location filename="../../ui/dialogs.py" line="194"/>
        <source>No material</source>
        <translation>Kein Material</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="195"/>
        <source>Machine fault</source>
        <translation>Maschinenstörung</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="196"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197"/>
        <source>Meeting / training</source>
        <translation>Besprechung / Schulung</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="207"/>
        <location filename="../../ui/dialogs.py" line="219"/>
        <source>Downtime</source>
        <translation>Stillstand</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="208"/>
        <source>Why is the station stopping?</source>
        <translation>Warum steht die Station?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="226"/>
        <source>Station stopped: {0}</source>
        <translation>Station steht: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="227"/>
        <source>Tap End downtime when work can go on.</source>
        <translation>Stillstand beenden tippen, wenn es weitergeht.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="231"/>
        <source>End downtime</source>
        <translation>Stillstand beenden</translation>
    </message>
</context>
<context>
    <name>Exit</name>
    <message>
        <location filename="../../ui/dialogs.py" line="361"/>
        <source>Leave kiosk mode</source>
        <translation>Kioskmodus verlassen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="369"/>
        <source>1. Line lead or admin: scan your badge.</source>
        <translation>1. Linienleiter oder Admin: Ausweis scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="370"/>
        <source>2. Enter your PIN.</source>
        <translation>2. PIN eingeben.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="384"/>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="394"/>
        <source>Badge scanned. ✓</source>
        <translation>Ausweis gescannt. ✓</translation>
    </message>
</context>
<context>
    <name>InstructionAction</name>
    <message>
        <location filename="../../ui/runner.py" line="91"/>
        <source>Do the step, then tap Next.</source>
        <translation>Schritt ausführen, dann Weiter tippen.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="81"/>
        <source>Scan your badge</source>
        <translation>Ausweis scannen</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="86"/>
        <source>Hold your badge under the scanner. No badge? Tap your name, then your PIN.</source>
        <translation>Halten Sie den Ausweis unter den Scanner. Kein Ausweis? Namen tippen, dann PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="94"/>
        <source>Leave kiosk mode</source>
        <translation>Kioskmodus verlassen</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="104"/>
        <source>Not you?</source>
        <translation>Nicht Sie?</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="130"/>
        <source>PIN: tap your name</source>
        <translation>PIN: Namen antippen</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="155"/>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="192"/>
        <source>No operator here has a PIN.</source>
        <translation>Hier hat niemand eine PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="204"/>
        <source>PIN for %1</source>
        <translation>PIN für %1</translation>
    </message>
</context>
<context>
    <name>MeasureAction</name>
    <message>
        <location filename="../../ui/runner.py" line="306"/>
        <source>Enter {0} ({1})</source>
        <translation>{0} eingeben ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="324"/>
        <location filename="../../ui/runner.py" line="343"/>
        <source>OK: within limits</source>
        <translation>OK: in den Grenzen</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="325"/>
        <source>NOK: outside limits</source>
        <translation>NIO: außerhalb der Grenzen</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="326"/>
        <source>Check: close to a limit</source>
        <translation>Prüfen: nahe an einer Grenze</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="328"/>
        <source>Not a number</source>
        <translation>Keine Zahl</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="333"/>
        <source>Enter the reading with the keypad.</source>
        <translation>Geben Sie den Messwert über das Tastenfeld ein.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="336"/>
        <source>{0} · limits {1}</source>
        <translation>{0} · Grenzen {1}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="338"/>
        <source>close to a limit: check the part</source>
        <translation>nahe an einer Grenze: Teil prüfen</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="345"/>
        <source>Measure, type the value, tap OK.</source>
        <translation>Messen, Wert eintippen, OK tippen.</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <location filename="../../ui/media.py" line="68"/>
        <location filename="../../ui/media.py" line="73"/>
        <source>the picture file is damaged or not a picture</source>
        <translation>die Bilddatei ist beschädigt oder kein Bild</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="313"/>
        <source>the video cannot be played</source>
        <translation>das Video lässt sich nicht abspielen</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="335"/>
        <source>the PDF could not be opened</source>
        <translation>das PDF ließ sich nicht öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="343"/>
        <source>the PDF page could not be drawn</source>
        <translation>die PDF-Seite ließ sich nicht darstellen</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="410"/>
        <source>Cannot show this: {0}. You can go on with the step.</source>
        <translation>Kann nicht angezeigt werden: {0}. Sie können mit dem Schritt weitermachen.</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="423"/>
        <source>No picture for this step.</source>
        <translation>Kein Bild für diesen Schritt.</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="436"/>
        <source>the file has not reached this station yet</source>
        <translation>die Datei ist noch nicht an dieser Station</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="451"/>
        <source>Page {0} of {1}</source>
        <translation>Seite {0} von {1}</translation>
    </message>
</context>
<context>
    <name>NokPanel</name>
    <message>
        <location filename="../../ui/runner.py" line="508"/>
        <source>NOK: choose what happens next</source>
        <translation>NIO: wie geht es weiter?</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="514"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="515"/>
        <source>Rework</source>
        <translation>Nacharbeit</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="516"/>
        <source>Scrap</source>
        <translation>Verschrotten</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="517"/>
        <source>Line lead</source>
        <translation>Linienleiter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner.py" line="531"/>
        <source>NOK: %n retries left</source>
        <translation>
            <numerusform>NIO: noch %n Versuch</numerusform>
            <numerusform>NIO: noch %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="533"/>
        <source>NOK: no retries left</source>
        <translation>NIO: keine Versuche mehr</translation>
    </message>
</context>
<context>
    <name>OrderCard</name>
    <message>
        <location filename="../../ui/screens.py" line="146"/>
        <source>Next to run</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="177"/>
        <source>Priority {0}</source>
        <translation>Priorität {0}</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="181"/>
        <source>{0} of {1} done</source>
        <translation>{0} von {1} fertig</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="187"/>
        <source>Due {0}</source>
        <translation>Fällig {0}</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <location filename="../../ui/dialogs.py" line="65"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Override</name>
    <message>
        <location filename="../../ui/dialogs.py" line="304"/>
        <source>Line lead approval</source>
        <translation>Freigabe Linienleiter</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="313"/>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="331"/>
        <source>Line lead: scan your badge to approve.</source>
        <translation>Linienleiter: Ausweis scannen zum Freigeben.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="578"/>
        <source>Within drawing tolerance</source>
        <translation>Innerhalb Zeichnungstoleranz</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="579"/>
        <source>Engineering approval</source>
        <translation>Freigabe Technik</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="580"/>
        <source>Retested OK</source>
        <translation>Nachgeprüft IO</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="585"/>
        <source>A line lead can accept this NOK result.</source>
        <translation>Ein Linienleiter kann dieses NIO freigeben.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="586"/>
        <source>The NOK stays in the record with the reason.</source>
        <translation>Das NIO bleibt mit Grund im Protokoll.</translation>
    </message>
</context>
<context>
    <name>PassFailAction</name>
    <message>
        <location filename="../../ui/runner.py" line="375"/>
        <location filename="../../ui/runner.py" line="398"/>
        <source>Pass</source>
        <translation>IO</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="376"/>
        <location filename="../../ui/runner.py" line="399"/>
        <source>Fail</source>
        <translation>NIO</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="391"/>
        <source>Did the check pass?</source>
        <translation>Prüfung bestanden?</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="405"/>
        <source>Passed</source>
        <translation>IO</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="405"/>
        <source>Tap Next.</source>
        <translation>Weiter tippen.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="407"/>
        <source>Failed</source>
        <translation>NIO</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="409"/>
        <source>Tap Pass or Fail.</source>
        <translation>IO oder NIO tippen.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <location filename="../../ui/dialogs.py" line="165"/>
        <source>Picture is wrong</source>
        <translation>Bild ist falsch</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="166"/>
        <source>Text is unclear</source>
        <translation>Text ist unklar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="167"/>
        <source>Part does not fit</source>
        <translation>Teil passt nicht</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="168"/>
        <source>Tool problem</source>
        <translation>Werkzeugproblem</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="176"/>
        <source>Thank you: the problem is reported.</source>
        <translation>Danke: das Problem ist gemeldet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="177"/>
        <source>The engineer sees it with this step.</source>
        <translation>Die Technik sieht es bei diesem Schritt.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="183"/>
        <source>Report a problem with this step</source>
        <translation>Problem mit diesem Schritt melden</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="184"/>
        <source>What is wrong with the instruction?</source>
        <translation>Was stimmt an der Anleitung nicht?</translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="223"/>
        <source>Work queue: tap a work order or scan its barcode</source>
        <translation>Aufträge: Auftrag antippen oder Barcode scannen</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="241"/>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="243"/>
        <source>Downtime</source>
        <translation>Stillstand</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="234"/>
        <source>No work orders for this station.</source>
        <translation>Keine Aufträge für diese Station.</translation>
    </message>
</context>
<context>
    <name>Rework</name>
    <message>
        <location filename="../../ui/dialogs.py" line="268"/>
        <source>Reassembled</source>
        <translation>Neu montiert</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="269"/>
        <source>Part replaced</source>
        <translation>Teil getauscht</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="270"/>
        <source>Cleaned and re-seated</source>
        <translation>Gereinigt und neu gesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="271"/>
        <source>Other rework</source>
        <translation>Andere Nacharbeit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="281"/>
        <source>Rework</source>
        <translation>Nacharbeit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="282"/>
        <source>What did you rework? The step is then done again.</source>
        <translation>Was wurde nachgearbeitet? Danach wird der Schritt wiederholt.</translation>
    </message>
</context>
<context>
    <name>RunnerScreen</name>
    <message>
        <location filename="../../ui/runner.py" line="640"/>
        <source>Back</source>
        <extracomment>small landscape panels: the header takes one row, the keypad sits beside the value the side column&apos;s share of the width (landscape); 4:3 panels give it more</extracomment>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="645"/>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="647"/>
        <location filename="../../ui/runner.py" line="779"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="691"/>
        <source>Retry, rework, scrap, or ask a line lead.</source>
        <translation>Wiederholen, nacharbeiten, verschrotten oder die Linienleitung fragen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner.py" line="695"/>
        <source>%n items not ticked yet: tick each one.</source>
        <translation>
            <numerusform>%n Punkt ist noch nicht abgehakt: haken Sie jeden ab.</numerusform>
            <numerusform>%n Punkte sind noch nicht abgehakt: haken Sie jeden ab.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="700"/>
        <source>Scan the part this step needs.</source>
        <translation>Scannen Sie das Teil, das dieser Schritt braucht.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="701"/>
        <source>Enter the measured value and tap OK.</source>
        <translation>Messwert eingeben und OK tippen.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="702"/>
        <source>Tap Pass or Fail.</source>
        <translation>Tippen Sie auf IO oder NIO.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="703"/>
        <source>Tighten every fastening with the tool.</source>
        <translation>Ziehen Sie jede Verschraubung mit dem Werkzeug an.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="704"/>
        <source>Have the sign-off badge scanned.</source>
        <translation>Lassen Sie den Ausweis für die Freigabe scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="705"/>
        <source>Complete the step.</source>
        <translation>Schließen Sie den Schritt ab.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="721"/>
        <source>Step {0} is not done yet</source>
        <translation>Schritt {0} ist noch nicht erledigt</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="750"/>
        <source>Step {0} of {1}</source>
        <translation>Schritt {0} von {1}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="779"/>
        <source>Finish</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="805"/>
        <source>DANGER</source>
        <translation>GEFAHR</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="805"/>
        <source>WARNING</source>
        <translation>WARNUNG</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="806"/>
        <source>CAUTION</source>
        <translation>VORSICHT</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="834"/>
        <source>over target</source>
        <translation>über Soll</translation>
    </message>
</context>
<context>
    <name>ScanAction</name>
    <message>
        <location filename="../../ui/runner.py" line="221"/>
        <source>Scan {0} · {1}</source>
        <translation>{0} scannen · {1}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="224"/>
        <source>Take it from bin {0}.</source>
        <translation>Aus Behälter {0} nehmen.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="227"/>
        <source>Scan the part&apos;s label</source>
        <translation>Etikett des Teils scannen</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="239"/>
        <source>Right part: {0}</source>
        <translation>Richtiges Teil: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="240"/>
        <source>Tap Next.</source>
        <translation>Weiter tippen.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="245"/>
        <source>Waiting for the scan…</source>
        <translation>Warte auf den Scan…</translation>
    </message>
</context>
<context>
    <name>Scrap</name>
    <message>
        <location filename="../../ui/dialogs.py" line="240"/>
        <source>Damaged part</source>
        <translation>Beschädigtes Teil</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="241"/>
        <source>Assembly error</source>
        <translation>Montagefehler</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="242"/>
        <source>Failed test</source>
        <translation>Prüfung nicht bestanden</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="243"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="256"/>
        <source>Scrap unit {0}</source>
        <translation>Einheit {0} verschrotten</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="257"/>
        <source>The unit leaves the line. Pick the reason:</source>
        <translation>Die Einheit verlässt die Linie. Grund wählen:</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/shell.py" line="386"/>
        <location filename="../../ui/shell.py" line="471"/>
        <location filename="../../ui/shell.py" line="604"/>
        <source>The station cannot save right now.</source>
        <extracomment>the one owner of messages on screen: each goes when the state it describes does what the screens ask of the shell (they see a Context, never the shell) a language that wins over the operator&apos;s (``kiosk screenshots --language``)</extracomment>
        <translation>Die Station kann gerade nicht speichern.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="515"/>
        <source>A tightening arrived, but no torque step is open.</source>
        <translation>Eine Verschraubung kam an, aber kein Schraubschritt ist offen.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="516"/>
        <source>It was not recorded. Go to the torque step first.</source>
        <translation>Sie wurde nicht erfasst. Erst zum Schraubschritt gehen.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="557"/>
        <source>Scan your badge first.</source>
        <translation>Zuerst den Ausweis scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="611"/>
        <source>Redo this step</source>
        <translation>Schritt wiederholen</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="612"/>
        <source>Report a problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="613"/>
        <source>Downtime</source>
        <translation>Stillstand</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="614"/>
        <source>Scrap unit</source>
        <translation>Einheit verschrotten</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="615"/>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="631"/>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="632"/>
        <source>What do you want to do?</source>
        <translation>Was möchten Sie tun?</translation>
    </message>
</context>
<context>
    <name>SignoffAction</name>
    <message>
        <location filename="../../ui/runner.py" line="484"/>
        <source>a quality inspector</source>
        <translation>ein Qualitätsprüfer</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="484"/>
        <source>a line lead</source>
        <translation>ein Linienleiter</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="485"/>
        <source>Sign-off: {0} scans their badge</source>
        <translation>Freigabe: {0} scannt den Ausweis</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="489"/>
        <source>Signed by {0}</source>
        <translation>Freigegeben von {0}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="490"/>
        <source>Tap Next.</source>
        <translation>Weiter tippen.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="495"/>
        <source>Waiting for the badge…</source>
        <translation>Warte auf den Ausweis…</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="296"/>
        <source>Scan the unit&apos;s serial</source>
        <translation>Seriennummer scannen</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="297"/>
        <source>or take the next serial number from the station:</source>
        <translation>oder die nächste Seriennummer der Station nehmen:</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="309"/>
        <source>Work queue</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="311"/>
        <source>Downtime</source>
        <translation>Stillstand</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="324"/>
        <source>{0} · {1} · {2} of {3} done</source>
        <translation>{0} · {1} · {2} von {3} fertig</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="334"/>
        <source>Start next: {0}</source>
        <translation>Starten: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="344"/>
        <source>Unit {0} done</source>
        <translation>Einheit {0} fertig</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="345"/>
        <source>Cycle time {0} · {1} of {2} done on {3}. Scan the next serial.</source>
        <translation>Taktzeit {0} · {1} von {2} fertig in {3}. Nächste Seriennummer scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="352"/>
        <source>Unit {0} scrapped</source>
        <translation>Einheit {0} verschrottet</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="353"/>
        <source>Put it in the scrap bin. Scan the next serial.</source>
        <translation>In den Schrottbehälter legen. Nächste Seriennummer scannen.</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/topbar.py" line="84"/>
        <location filename="../../ui/topbar.py" line="225"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="128"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="130"/>
        <source>Operator</source>
        <translation>Werker</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="130"/>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="136"/>
        <source>Work order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="141"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="233"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="234"/>
        <source>Torque</source>
        <translation>Schrauber</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="241"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="245"/>
        <source>off</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="223"/>
        <source>Help called {0}</source>
        <translation>Hilfe gerufen {0}</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="315"/>
        <source>Sync not set up</source>
        <translation>Sync nicht eingerichtet</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="322"/>
        <source>Re-provision</source>
        <translation>Neu einrichten</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="327"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="333"/>
        <source>Re-provision needed · {0} queued</source>
        <translation>Neu einrichten nötig · {0} wartend</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="339"/>
        <source>Offline since {0} · {1} queued</source>
        <translation>Offline seit {0} · {1} wartend</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="345"/>
        <source>{0} queued</source>
        <translation>{0} wartend</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="347"/>
        <source>last sync {0}</source>
        <translation>zuletzt synchr. {0}</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="350"/>
        <source>Synced {0}</source>
        <translation>Synchronisiert {0}</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="354"/>
        <source>Sync starting…</source>
        <translation>Synchronisierung startet…</translation>
    </message>
    <message>
        <source>No sync</source>
        <translation>Kein Sync</translation>
    </message>
</context>
<context>
    <name>TorqueAction</name>
    <message numerus="yes">
        <location filename="../../ui/runner.py" line="427"/>
        <source>Tighten %n fastenings with the tool</source>
        <translation>
            <numerusform>%n Schraube mit dem Schrauber anziehen</numerusform>
            <numerusform>%n Schrauben mit dem Schrauber anziehen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="430"/>
        <source>Program {0} · {1}–{2} Nm</source>
        <translation>Programm {0} · {1}–{2} Nm</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner.py" line="442"/>
        <source>All %n fastenings OK</source>
        <translation>
            <numerusform>%n Schraube IO</numerusform>
            <numerusform>Alle %n Schrauben IO</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="442"/>
        <source>Tap Next.</source>
        <translation>Weiter tippen.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="446"/>
        <source>Fastening NOK</source>
        <translation>Verschraubung NIO</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="451"/>
        <source>NOK {0} Nm: fastening {1}</source>
        <translation>NIO {0} Nm: Verschraubung {1}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="465"/>
        <source>{0} Nm is below {1} Nm.</source>
        <translation>{0} Nm liegt unter {1} Nm.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="467"/>
        <source>{0} Nm is above {1} Nm.</source>
        <translation>{0} Nm liegt über {1} Nm.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="468"/>
        <source>The tool reported NOK.</source>
        <translation>Das Werkzeug meldet NIO.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="452"/>
        <source>Loosen and tighten it again.</source>
        <translation>Lösen und neu anziehen.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="457"/>
        <source>Tighten fastening {0} of {1}</source>
        <translation>Schraube {0} von {1} anziehen</translation>
    </message>
</context>
<context>
    <name>LineLead</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Sync health</source>
        <translation>Sync-Zustand</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Bridge connection</source>
        <translation>Bridge-Verbindung</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Only a line lead or an admin can open line-lead mode.</source>
        <translation>Nur ein Linienleiter oder Admin kann den Linienleiter-Modus öffnen.</translation>
    </message>
    <message>
        <source>Ask the line lead to scan their badge.</source>
        <translation>Den Linienleiter bitten, seinen Ausweis zu scannen.</translation>
    </message>
    <message>
        <source>A dead letter is only discarded with a reason.</source>
        <translation>Ein abgelehntes Ereignis wird nur mit Grund verworfen.</translation>
    </message>
    <message>
        <source>Pick why it is discarded.</source>
        <translation>Wählen Sie den Grund.</translation>
    </message>
    <message>
        <source>That event is not a dead letter any more.</source>
        <translation>Dieses Ereignis ist nicht mehr abgelehnt.</translation>
    </message>
    <message>
        <source>The list is refreshed; look again.</source>
        <translation>Die Liste ist aktualisiert; bitte erneut ansehen.</translation>
    </message>
    <message>
        <source>That PIN is not a line lead's.</source>
        <translation>Diese PIN gehört keinem Linienleiter.</translation>
    </message>
    <message>
        <source>Scan your badge and enter your PIN again.</source>
        <translation>Ausweis scannen und PIN erneut eingeben.</translation>
    </message>
    <message>
        <source>Line-lead mode</source>
        <translation>Linienleiter-Modus</translation>
    </message>
    <message>
        <source>1. Line lead: scan your badge.</source>
        <translation>1. Linienleiter: Ausweis scannen.</translation>
    </message>
    <message>
        <source>2. Enter your PIN. (Scanner broken? The PIN alone works.)</source>
        <translation>2. PIN eingeben. (Scanner defekt? Die PIN allein genügt.)</translation>
    </message>
    <message>
        <source>Badge scanned. ✓</source>
        <translation>Ausweis gescannt. ✓</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Retry all dead letters</source>
        <translation>Alle abgelehnten erneut senden</translation>
    </message>
    <message>
        <source>They go with the next sync.</source>
        <translation>Sie gehen mit der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>The reason is recorded.</source>
        <translation>Der Grund ist aufgezeichnet.</translation>
    </message>
    <message>
        <source>Program (pset)</source>
        <translation>Programm (Pset)</translation>
    </message>
    <message>
        <source>Select program</source>
        <translation>Programm wählen</translation>
    </message>
    <message>
        <source>Enable tool</source>
        <translation>Werkzeug freigeben</translation>
    </message>
    <message>
        <source>Disable tool</source>
        <translation>Werkzeug sperren</translation>
    </message>
    <message>
        <source>New device</source>
        <translation>Neues Gerät</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Port or address</source>
        <translation>Port oder Adresse</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baudrate</translation>
    </message>
    <message>
        <source>Terminator (scanner)</source>
        <translation>Endzeichen (Scanner)</translation>
    </message>
    <message>
        <source>Parity (scanner)</source>
        <translation>Parität (Scanner)</translation>
    </message>
    <message>
        <source>Data bits (scanner)</source>
        <translation>Datenbits (Scanner)</translation>
    </message>
    <message>
        <source>Encoding (scanner)</source>
        <translation>Kodierung (Scanner)</translation>
    </message>
    <message>
        <source>Protocol (torque tool)</source>
        <translation>Protokoll (Schrauber)</translation>
    </message>
    <message>
        <source>Open Protocol profile</source>
        <translation>Open-Protocol-Profil</translation>
    </message>
    <message>
        <source>Open Protocol revision</source>
        <translation>Open-Protocol-Revision</translation>
    </message>
    <message>
        <source>Save device</source>
        <translation>Gerät speichern</translation>
    </message>
    <message>
        <source>Start live test</source>
        <translation>Live-Test starten</translation>
    </message>
    <message>
        <source>Stop live test</source>
        <translation>Live-Test beenden</translation>
    </message>
    <message>
        <source>Scan a code or run the tool: each read appears below.</source>
        <translation>Code scannen oder Werkzeug laufen lassen: jede Lesung erscheint unten.</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>expires soon</source>
        <translation>läuft bald ab</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>Recorded with your name.</source>
        <translation>Mit Ihrem Namen aufgezeichnet.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Language default</source>
        <translation>Standardsprache</translation>
    </message>
    <message>
        <source>Idle lock after</source>
        <translation>Sperre bei Inaktivität nach</translation>
    </message>
    <message>
        <source>Save station settings</source>
        <translation>Stationseinstellungen speichern</translation>
    </message>
    <message>
        <source>none assigned</source>
        <translation>keine zugewiesen</translation>
    </message>
    <message>
        <source>Bridge URL</source>
        <translation>Bridge-URL</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Token-Datei</translation>
    </message>
    <message>
        <source>CA file (empty: the system's trust)</source>
        <translation>CA-Datei (leer: Vertrauen des Systems)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Save bridge settings</source>
        <translation>Bridge-Einstellungen speichern</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Write diagnostics bundle</source>
        <translation>Diagnosepaket schreiben</translation>
    </message>
    <message>
        <source>Diagnostics written.</source>
        <translation>Diagnose geschrieben.</translation>
    </message>
    <message>
        <source>Leave line-lead mode</source>
        <translation>Linienleiter-Modus verlassen</translation>
    </message>
    <message>
        <source>Scans are not used for work in line-lead mode. Leave it to go on.</source>
        <translation>Im Linienleiter-Modus werden Scans nicht für die Arbeit verwendet. Zum Weiterarbeiten verlassen.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <source>Recorded with your name. The station uses them from its next start.</source>
        <translation>Mit Ihrem Namen aufgezeichnet. Die Station verwendet sie ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>in sync, waiting for the next cycle</source>
        <translation>synchron, wartet auf den nächsten Durchlauf</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>synchronisiert gerade</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>the bridge refuses this station's token</source>
        <translation>die Bridge lehnt das Token dieser Station ab</translation>
    </message>
    <message>
        <source>not set up (no bridge)</source>
        <translation>nicht eingerichtet (keine Bridge)</translation>
    </message>
    <message>
        <source>sync not running</source>
        <translation>Synchronisierung läuft nicht</translation>
    </message>
    <message>
        <source>disk full</source>
        <translation>Speicher voll</translation>
    </message>
    <message>
        <source>Dead letters (events the bridge refused)</source>
        <translation>Abgelehnte Ereignisse (von der Bridge zurückgewiesen)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Letzter Erfolg</translation>
    </message>
    <message>
        <source>Offline since</source>
        <translation>Offline seit</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>Uhrabweichung</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Abgelehnte</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <source>Sync started.</source>
        <translation>Synchronisierung gestartet.</translation>
    </message>
    <message>
        <source>The figures update when it is done.</source>
        <translation>Die Zahlen werden danach aktualisiert.</translation>
    </message>
    <message>
        <source>Live test</source>
        <translation>Live-Test</translation>
    </message>
    <message>
        <source>Configured devices</source>
        <translation>Eingerichtete Geräte</translation>
    </message>
    <message>
        <source>Serial ports on this PC</source>
        <translation>Serielle Ports an diesem PC</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Use this port</source>
        <translation>Diesen Port nehmen</translation>
    </message>
    <message>
        <source>Not saved: some fields need a correction.</source>
        <translation>Nicht gespeichert: einige Felder müssen korrigiert werden.</translation>
    </message>
    <message>
        <source>Saved, but a device could not be started.</source>
        <translation>Gespeichert, aber ein Gerät konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Saved and applied: the station uses these devices now.</source>
        <translation>Gespeichert und übernommen: die Station nutzt diese Geräte jetzt.</translation>
    </message>
    <message>
        <source>Correct the marked fields first.</source>
        <translation>Zuerst die markierten Felder korrigieren.</translation>
    </message>
    <message>
        <source>Live tests need the station's devices (kiosk run).</source>
        <translation>Live-Tests brauchen die Geräte der Station (kiosk run).</translation>
    </message>
    <message>
        <source>A program is a number 0…999.</source>
        <translation>Ein Programm ist eine Zahl 0…999.</translation>
    </message>
    <message>
        <source>Start the live test first.</source>
        <translation>Zuerst den Live-Test starten.</translation>
    </message>
    <message>
        <source>Operators on this shift</source>
        <translation>Werker in dieser Schicht</translation>
    </message>
    <message>
        <source>The station id is bound to its token: IT changes it by re-provisioning.</source>
        <translation>Die Stations-ID gehört zu ihrem Token: die IT ändert sie durch neues Provisionieren.</translation>
    </message>
    <message>
        <source>Operations and work orders (from the ERP)</source>
        <translation>Arbeitsgänge und Aufträge (aus dem ERP)</translation>
    </message>
    <message>
        <source>Clock skew: not measured yet.</source>
        <translation>Uhrabweichung: noch nicht gemessen.</translation>
    </message>
    <message>
        <source>This station cannot reach a bridge from here.</source>
        <translation>Diese Station kann von hier keine Bridge erreichen.</translation>
    </message>
    <message>
        <source>A zip for IT: logs, a database backup, the settings without secrets, device and sync status.</source>
        <translation>Ein Zip für die IT: Protokolle, eine Datenbanksicherung, die Einstellungen ohne Geheimnisse, Geräte- und Sync-Zustand.</translation>
    </message>
    <message>
        <source>Diagnostics need the running station (kiosk run).</source>
        <translation>Die Diagnose braucht die laufende Station (kiosk run).</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>noch nicht gemessen</translation>
    </message>
    <message>
        <source>Free disk</source>
        <translation>Freier Speicher</translation>
    </message>
    <message>
        <source>No dead letters: nothing is stuck.</source>
        <translation>Keine abgelehnten Ereignisse: nichts hängt.</translation>
    </message>
    <message>
        <source>Why is it discarded? (recorded with your name)</source>
        <translation>Warum wird es verworfen? (mit Ihrem Namen aufgezeichnet)</translation>
    </message>
    <message>
        <source>Discard for good</source>
        <translation>Endgültig verwerfen</translation>
    </message>
    <message numerus="yes">
        <source>%n events queued again.</source>
        <translation>
            <numerusform>%n Ereignis wieder in der Warteschlange.</numerusform>
            <numerusform>%n Ereignisse wieder in der Warteschlange.</numerusform>
        </translation>
    </message>
    <message>
        <source>Event {0} discarded.</source>
        <translation>Ereignis {0} verworfen.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>even</source>
        <translation>gerade</translation>
    </message>
    <message>
        <source>odd</source>
        <translation>ungerade</translation>
    </message>
    <message>
        <source>No device is configured yet.</source>
        <translation>Noch kein Gerät eingerichtet.</translation>
    </message>
    <message>
        <source>Remove for good</source>
        <translation>Endgültig entfernen</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>No serial port found. Plug the device in, or type its address.</source>
        <translation>Kein serieller Port gefunden. Gerät anstecken oder Adresse eingeben.</translation>
    </message>
    <message>
        <source>Live test running on {0}.</source>
        <translation>Live-Test läuft auf {0}.</translation>
    </message>
    <message>
        <source>Nothing has arrived yet.</source>
        <translation>Noch nichts angekommen.</translation>
    </message>
    <message>
        <source>Nobody has logged in on this shift yet.</source>
        <translation>In dieser Schicht hat sich noch niemand angemeldet.</translation>
    </message>
    <message>
        <source>Unlock PIN</source>
        <translation>PIN entsperren</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>ohne Ablauf</translation>
    </message>
    <message>
        <source>The PIN of {0} is unlocked.</source>
        <translation>Die PIN von {0} ist entsperrt.</translation>
    </message>
    <message>
        <source>Station {0}</source>
        <translation>Station {0}</translation>
    </message>
    <message>
        <source>Operations: {0}</source>
        <translation>Arbeitsgänge: {0}</translation>
    </message>
    <message>
        <source>No work order is assigned to this station.</source>
        <translation>Dieser Station ist kein Auftrag zugewiesen.</translation>
    </message>
    <message>
        <source>No USB stick found: plug one in, or type a folder.</source>
        <translation>Kein USB-Stick gefunden: einen anstecken oder einen Ordner eingeben.</translation>
    </message>
    <message>
        <source>USB sticks found (tap one):</source>
        <translation>Gefundene USB-Sticks (einen antippen):</translation>
    </message>
    <message>
        <source>The bundle was not written.</source>
        <translation>Das Paket wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>Line-lead mode · {0}</source>
        <translation>Linienleiter-Modus · {0}</translation>
    </message>
    <message>
        <source>The configuration file is damaged; nothing can be saved until it is fixed.</source>
        <translation>Die Konfigurationsdatei ist beschädigt; bis sie repariert ist, kann nichts gespeichert werden.</translation>
    </message>
    <message>
        <source>Read: {0}</source>
        <translation>Gelesen: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n settings changed.</source>
        <translation>
            <numerusform>Gespeichert: %n Einstellung geändert.</numerusform>
            <numerusform>Gespeichert: %n Einstellungen geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events waiting</source>
        <translation>
            <numerusform>%n Ereignis wartet</numerusform>
            <numerusform>%n Ereignisse warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick why it is discarded; nothing was discarded.</source>
        <translation>Wählen Sie, warum es verworfen wird; nichts wurde verworfen.</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Device {0}</source>
        <translation>Gerät {0}</translation>
    </message>
    <message>
        <source>Unreadable bytes arrived: the serial settings (baud rate, parity, data bits) do not match the device's.</source>
        <translation>Unlesbare Bytes angekommen: die seriellen Einstellungen (Baudrate, Parität, Datenbits) passen nicht zum Gerät.</translation>
    </message>
    <message>
        <source>Tool enable requested.</source>
        <translation>Freigabe des Werkzeugs angefordert.</translation>
    </message>
    <message>
        <source>Tool disable requested.</source>
        <translation>Sperre des Werkzeugs angefordert.</translation>
    </message>
    <message>
        <source>last log-in {0}</source>
        <translation>letzte Anmeldung {0}</translation>
    </message>
    <message>
        <source>PIN locked after wrong tries.</source>
        <translation>PIN nach Fehlversuchen gesperrt.</translation>
    </message>
    <message>
        <source>No certification on record.</source>
        <translation>Keine Qualifikation hinterlegt.</translation>
    </message>
    <message>
        <source>Clock skew at the last sync: {0:+.1f} s</source>
        <translation>Uhrabweichung bei der letzten Synchronisierung: {0:+.1f} s</translation>
    </message>
    <message>
        <source>{0:+.1f} s against the bridge</source>
        <translation>{0:+.1f} s gegenüber der Bridge</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>Abgelehnt: {0}</translation>
    </message>
    <message>
        <source>Program {0} requested.</source>
        <translation>Programm {0} angefordert.</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>The ERP already has this record</source>
        <translation>Das ERP hat diesen Datensatz schon</translation>
    </message>
    <message>
        <source>Test or training data</source>
        <translation>Test- oder Schulungsdaten</translation>
    </message>
    <message>
        <source>Booked by hand in the ERP</source>
        <translation>Von Hand im ERP gebucht</translation>
    </message>
    <message>
        <source>Wrong data, recorded again correctly</source>
        <translation>Falsche Daten, richtig neu erfasst</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Torque tool</source>
        <translation>Schrauber</translation>
    </message>
    <message>
        <source>The station needs a name.</source>
        <translation>Die Station braucht einen Namen.</translation>
    </message>
    <message>
        <source>A line name has at most 64 characters.</source>
        <translation>Ein Linienname hat höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <source>The idle lock must be between 30 seconds and one hour.</source>
        <translation>Die Sperre bei Inaktivität liegt zwischen 30 Sekunden und einer Stunde.</translation>
    </message>
    <message>
        <source>A device is a scanner or a torque tool.</source>
        <translation>Ein Gerät ist ein Scanner oder ein Schrauber.</translation>
    </message>
    <message>
        <source>A station name has at most 64 characters.</source>
        <translation>Ein Stationsname hat höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <source>The station needs its token file.</source>
        <translation>Die Station braucht ihre Token-Datei.</translation>
    </message>
    <message>
        <source>Pick a baud rate the device supports (9600 is common).</source>
        <translation>Eine Baudrate wählen, die das Gerät kann (9600 ist üblich).</translation>
    </message>
    <message>
        <source>Data bits are 5, 6, 7 or 8.</source>
        <translation>Datenbits sind 5, 6, 7 oder 8.</translation>
    </message>
    <message>
        <source>Parity is N, E, O, M or S.</source>
        <translation>Parität ist N, E, O, M oder S.</translation>
    </message>
    <message>
        <source>Stop bits are 1, 1.5 or 2.</source>
        <translation>Stoppbits sind 1, 1,5 oder 2.</translation>
    </message>
    <message>
        <source>The terminator is CR, LF, CR LF, Tab or none.</source>
        <translation>Das Endzeichen ist CR, LF, CR LF, Tab oder keins.</translation>
    </message>
    <message>
        <source>The encoding is latin-1 or utf-8.</source>
        <translation>Die Kodierung ist latin-1 oder utf-8.</translation>
    </message>
    <message>
        <source>The idle gap is 5…5000 ms.</source>
        <translation>Die Pause ist 5…5000 ms.</translation>
    </message>
    <message>
        <source>The protocol is Open Protocol or ASCII.</source>
        <translation>Das Protokoll ist Open Protocol oder ASCII.</translation>
    </message>
    <message>
        <source>The profile is standard, atlas-copco, legacy or rev1-as-rev2.</source>
        <translation>Das Profil ist standard, atlas-copco, legacy oder rev1-as-rev2.</translation>
    </message>
    <message>
        <source>The Open Protocol revision is 1…9.</source>
        <translation>Die Open-Protocol-Revision ist 1…9.</translation>
    </message>
    <message>
        <source>A program (pset) is 0…999.</source>
        <translation>Ein Programm (Pset) ist 0…999.</translation>
    </message>
</context>
<context>
    <name>EditorBridge</name>
    <message>
        <source>The bridge cannot be reached. Nothing was sent. Check the network or ask IT whether the bridge runs, then try again.</source>
        <translation>Die Bridge ist nicht erreichbar. Es wurde nichts gesendet. Prüfen Sie das Netzwerk oder fragen Sie die IT, ob die Bridge läuft, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The bridge answered with an error. Nothing was changed. Try again; if it persists, ask IT to look at the bridge's log.</source>
        <translation>Die Bridge hat mit einem Fehler geantwortet. Es wurde nichts geändert. Versuchen Sie es erneut; bleibt der Fehler, bitten Sie die IT, das Protokoll der Bridge anzusehen.</translation>
    </message>
    <message>
        <source>The bridge does not accept this editor's API key. Ask IT for a key (kiosk-bridge apikey add editor) and start the editor with it.</source>
        <translation>Die Bridge nimmt den API-Schlüssel dieses Editors nicht an. Lassen Sie sich von der IT einen Schlüssel geben (kiosk-bridge apikey add editor) und starten Sie den Editor damit.</translation>
    </message>
    <message>
        <source>The editor has no API key for the bridge. Start it with --api-key-file.</source>
        <translation>Der Editor hat keinen API-Schlüssel für die Bridge. Starten Sie ihn mit --api-key-file.</translation>
    </message>
    <message>
        <source>Too many failed attempts from this computer. Wait a minute, then try again.</source>
        <translation>Zu viele fehlgeschlagene Versuche von diesem Rechner. Warten Sie eine Minute und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>That badge or user and PIN do not match anyone. Check the badge or user and type the PIN again.</source>
        <translation>Ausweis bzw. Benutzer und PIN passen zu niemandem. Prüfen Sie Ausweis oder Benutzer und geben Sie die PIN erneut ein.</translation>
    </message>
    <message>
        <source>This PIN is locked after 5 wrong attempts. Ask an administrator to set a new PIN for this person.</source>
        <translation>Diese PIN ist nach 5 Fehlversuchen gesperrt. Bitten Sie einen Administrator, für diese Person eine neue PIN festzulegen.</translation>
    </message>
    <message>
        <source>You wrote this revision, so you cannot approve it. A second person with the approver role signs it.</source>
        <translation>Sie haben diese Revision geschrieben und können sie deshalb nicht freigeben. Eine zweite Person mit der Freigaberolle unterschreibt sie.</translation>
    </message>
    <message>
        <source>This person does not hold the approver role. Ask a quality approver to sign.</source>
        <translation>Diese Person hat keine Freigaberolle. Bitten Sie eine Freigabeberechtigte aus der Qualität um die Unterschrift.</translation>
    </message>
    <message>
        <source>A draft is never published. Have it approved first (Approve…), then publish.</source>
        <translation>Ein Entwurf wird nie veröffentlicht. Lassen Sie ihn zuerst freigeben (Freigeben…) und veröffentlichen Sie dann.</translation>
    </message>
    <message>
        <source>This revision is already signed. Only a draft is approved.</source>
        <translation>Diese Revision ist bereits unterschrieben. Nur ein Entwurf wird freigegeben.</translation>
    </message>
    <message>
        <source>The revision changed on the bridge after you read it. Nothing was signed. Reopen it from the bridge, read the changes and sign again.</source>
        <translation>Die Revision wurde auf der Bridge geändert, nachdem Sie sie gelesen haben. Es wurde nichts unterschrieben. Öffnen Sie sie erneut von der Bridge, lesen Sie die Änderungen und unterschreiben Sie erneut.</translation>
    </message>
    <message>
        <source>This revision is approved and is never changed. Use 'New draft from this revision' and save that draft.</source>
        <translation>Diese Revision ist freigegeben und wird nie geändert. Verwenden Sie 'Neuer Entwurf aus dieser Revision' und speichern Sie diesen Entwurf.</translation>
    </message>
    <message>
        <source>A newer revision is already approved. Use 'New draft from this revision' on the newest one.</source>
        <translation>Eine neuere Revision ist bereits freigegeben. Verwenden Sie 'Neuer Entwurf aus dieser Revision' auf der neuesten.</translation>
    </message>
    <message>
        <source>The bridge found problems in this revision. Nothing was saved. Fix the problems listed below the preview.</source>
        <translation>Die Bridge hat Probleme in dieser Revision gefunden. Es wurde nichts gespeichert. Beheben Sie die Probleme, die unter der Vorschau aufgelistet sind.</translation>
    </message>
    <message>
        <source>Some pictures or files did not reach the bridge. Nothing was saved. Save the draft again.</source>
        <translation>Einige Bilder oder Dateien sind nicht bei der Bridge angekommen. Es wurde nichts gespeichert. Speichern Sie den Entwurf erneut.</translation>
    </message>
    <message>
        <source>A newer revision is already at the stations. This older one is not published.</source>
        <translation>Eine neuere Revision ist bereits an den Stationen. Diese ältere wird nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>This revision is obsolete: a newer one replaced it.</source>
        <translation>Diese Revision ist veraltet: Eine neuere hat sie ersetzt.</translation>
    </message>
    <message>
        <source>The bridge does not hold that revision. Save the draft to the bridge first.</source>
        <translation>Die Bridge hat diese Revision nicht. Speichern Sie den Entwurf zuerst auf der Bridge.</translation>
    </message>
    <message>
        <source>Feedback is answered by a later revision of the same instruction. Make a new draft, save it to the bridge, then mark the feedback answered.</source>
        <translation>Rückmeldungen werden mit einer späteren Revision derselben Anweisung beantwortet. Erstellen Sie einen neuen Entwurf, speichern Sie ihn auf der Bridge und markieren Sie die Rückmeldung dann als beantwortet.</translation>
    </message>
    <message>
        <source>The bridge refused: nothing was changed. Read its reason below.</source>
        <translation>Die Bridge hat abgelehnt: Es wurde nichts geändert. Ihre Begründung steht darunter.</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>nicht unterschrieben</translation>
    </message>
    <message>
        <source>Badge or user</source>
        <translation>Ausweis oder Benutzer</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Open a revision from the bridge</source>
        <translation>Revision von der Bridge öffnen</translation>
    </message>
    <message>
        <source>Product (all)</source>
        <translation>Produkt (alle)</translation>
    </message>
    <message>
        <source>Operation (all)</source>
        <translation>Arbeitsgang (alle)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>{who}: “{meaning}”, {at}</source>
        <translation>{who}: „{meaning}“, {at}</translation>
    </message>
    <message>
        <source>By signing you state that this revision, with exactly this content hash, is &lt;b&gt;approved for production&lt;/b&gt;. Your name, the meaning and the time are recorded with it.</source>
        <translation>Mit Ihrer Unterschrift erklären Sie, dass diese Revision mit genau diesem Inhalts-Hash &lt;b&gt;für die Produktion freigegeben&lt;/b&gt; ist. Ihr Name, die Bedeutung und die Zeit werden damit gespeichert.</translation>
    </message>
    <message>
        <source>Sign: approved for production</source>
        <translation>Unterschreiben: für die Produktion freigegeben</translation>
    </message>
    <message>
        <source>Operators' feedback</source>
        <translation>Rückmeldungen der Werker</translation>
    </message>
    <message>
        <source>Mark answered in this revision</source>
        <translation>In dieser Revision als beantwortet markieren</translation>
    </message>
    <message>
        <source>this step</source>
        <translation>diesem Schritt</translation>
    </message>
    <message>
        <source>this revision</source>
        <translation>dieser Revision</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Obsolete</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Product / operation</source>
        <translation>Produkt / Arbeitsgang</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Geschrieben von</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Rückmeldungen</translation>
    </message>
    <message>
        <source>Choose a revision in the list, then Open.</source>
        <translation>Wählen Sie eine Revision in der Liste und dann Öffnen.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>approved in the package file by {who}</source>
        <translation>in der Paketdatei freigegeben von {who}</translation>
    </message>
    <message>
        <source>No revision of this operation was approved before: everything below is new.</source>
        <translation>Für diesen Arbeitsgang wurde noch keine Revision freigegeben: Alles unten ist neu.</translation>
    </message>
    <message>
        <source>Type your badge or user and your PIN to sign.</source>
        <translation>Geben Sie Ausweis oder Benutzer und Ihre PIN ein, um zu unterschreiben.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Approve {key}</source>
        <translation>{key} freigeben</translation>
    </message>
    <message>
        <source>&lt;b&gt;{key}&lt;/b&gt; — {product} {operation}, written by {author}.&lt;br&gt;Content hash: &lt;code&gt;{sha}&lt;/code&gt;</source>
        <translation>&lt;b&gt;{key}&lt;/b&gt; — {product} {operation}, geschrieben von {author}.&lt;br&gt;Inhalts-Hash: &lt;code&gt;{sha}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Operators' feedback on {where} ({key}): {n}</source>
        <translation>Rückmeldungen der Werker zu {where} ({key}): {n}</translation>
    </message>
    <message>
        <source>Changes against {key}, the revision approved before it:</source>
        <translation>Änderungen gegenüber {key}, der zuvor freigegebenen Revision:</translation>
    </message>
    <message>
        <source>answered in {rev} by {who}</source>
        <translation>beantwortet in {rev} von {who}</translation>
    </message>
    <message>
        <source>{when} · {who} · unit {unit} · {station} · on {rev}, step {step}
{category}: {text}
{state}</source>
        <translation>{when} · {who} · Einheit {unit} · {station} · zu {rev}, Schritt {step}
{category}: {text}
{state}</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>Save the draft to the bridge</source>
        <translation>Entwurf auf der Bridge speichern</translation>
    </message>
    <message>
        <source>You are recorded as the author of this draft: your badge or user and PIN.</source>
        <translation>Sie werden als Autor dieses Entwurfs gespeichert: Ihr Ausweis oder Benutzer und Ihre PIN.</translation>
    </message>
    <message>
        <source>Publish to the stations</source>
        <translation>An die Stationen veröffentlichen</translation>
    </message>
    <message>
        <source>You are recorded as the person who published it.</source>
        <translation>Sie werden als die Person gespeichert, die veröffentlicht hat.</translation>
    </message>
    <message>
        <source>Mark the feedback answered</source>
        <translation>Rückmeldung als beantwortet markieren</translation>
    </message>
    <message>
        <source>You are recorded as the author who answered.</source>
        <translation>Sie werden als der Autor gespeichert, der geantwortet hat.</translation>
    </message>
    <message>
        <source>Open from bridge…</source>
        <translation>Von der Bridge öffnen…</translation>
    </message>
    <message>
        <source>Save draft to bridge</source>
        <translation>Entwurf auf der Bridge speichern</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Freigeben…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>This revision is approved and is never changed. Use 'New draft from this revision', then save the draft to the bridge.</source>
        <translation>Diese Revision ist freigegeben und wird nie geändert. Verwenden Sie 'Neuer Entwurf aus dieser Revision' und speichern Sie den Entwurf dann auf der Bridge.</translation>
    </message>
    <message>
        <source>The revision on screen differs from the draft on the bridge. Save the draft to the bridge first, then approve it.</source>
        <translation>Die Revision auf dem Bildschirm unterscheidet sich vom Entwurf auf der Bridge. Speichern Sie zuerst den Entwurf auf der Bridge und geben Sie ihn dann frei.</translation>
    </message>
    <message>
        <source>The revision on screen has changes that are not on the bridge; they are not published. Save them as a new draft, or reopen the revision.</source>
        <translation>Die Revision auf dem Bildschirm hat Änderungen, die nicht auf der Bridge sind; sie werden nicht veröffentlicht. Speichern Sie sie als neuen Entwurf oder öffnen Sie die Revision erneut.</translation>
    </message>
    <message>
        <source>Bridge {url}: {key} is not on the bridge yet.</source>
        <translation>Bridge {url}: {key} ist noch nicht auf der Bridge.</translation>
    </message>
    <message>
        <source>Bridge {url}: {key} is {status}, written by {author}; {approval}.</source>
        <translation>Bridge {url}: {key} ist {status}, geschrieben von {author}; {approval}.</translation>
    </message>
    <message>
        <source>Opened {key} from the bridge.</source>
        <translation>{key} von der Bridge geöffnet.</translation>
    </message>
    <message>
        <source>Saved {key} to the bridge as a draft. Next: an approver who did not write it signs it (Approve…).</source>
        <translation>{key} als Entwurf auf der Bridge gespeichert. Als Nächstes: Eine freigabeberechtigte Person, die ihn nicht geschrieben hat, unterschreibt ihn (Freigeben…).</translation>
    </message>
    <message>
        <source>{key} is approved by {who}. Next: Publish sends it to the stations.</source>
        <translation>{key} ist freigegeben von {who}. Als Nächstes: Veröffentlichen schickt sie an die Stationen.</translation>
    </message>
    <message>
        <source>Published {key}: the stations take it on their next pull.</source>
        <translation>{key} veröffentlicht: Die Stationen übernehmen sie beim nächsten Abgleich.</translation>
    </message>
    <message>
        <source>Marked answered in {key}.</source>
        <translation>In {key} als beantwortet markiert.</translation>
    </message>
    <message>
        <source>Content hash: {sha}</source>
        <translation>Inhalts-Hash: {sha}</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: the revision has %n problems. Fix them (listed below the preview), then save the draft again.</source>
        <translation>
            <numerusform>Es wurde nichts gesendet: Die Revision hat %n Problem. Beheben Sie es (unter der Vorschau aufgelistet) und speichern Sie den Entwurf erneut.</numerusform>
            <numerusform>Es wurde nichts gesendet: Die Revision hat %n Probleme. Beheben Sie sie (unter der Vorschau aufgelistet) und speichern Sie den Entwurf erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>{key} is not on the bridge. Save the draft to the bridge first.</source>
        <translation>{key} ist nicht auf der Bridge. Speichern Sie zuerst den Entwurf auf der Bridge.</translation>
    </message>
    <message>
        <source>At the stations since {at}.</source>
        <translation>An den Stationen seit {at}.</translation>
    </message>
    <message>
        <source>Replaced by {key}.</source>
        <translation>Ersetzt durch {key}.</translation>
    </message>
    <message>
        <source>A picture or file of this draft cannot be read on this computer. Nothing was saved. Drop the file onto its step again, then save.</source>
        <translation>Ein Bild oder eine Datei dieses Entwurfs kann auf diesem Rechner nicht gelesen werden. Es wurde nichts gespeichert. Ziehen Sie die Datei erneut auf ihren Schritt und speichern Sie dann.</translation>
    </message>
    <message>
        <source>A file is larger than the bridge takes (256 MiB for a picture or video). Nothing was saved. Make the file smaller, drop it again, then save.</source>
        <translation>Eine Datei ist größer, als die Bridge annimmt (256 MiB für ein Bild oder Video). Es wurde nichts gespeichert. Verkleinern Sie die Datei, ziehen Sie sie erneut hinein und speichern Sie dann.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Saving and publishing as {user} (Sign out to change).</source>
        <translation>Speichern und Veröffentlichen als {user} (zum Wechseln Abmelden).</translation>
    </message>
    <message>
        <source>Signed out: the next save or publish asks who you are.</source>
        <translation>Abgemeldet: Beim nächsten Speichern oder Veröffentlichen wird gefragt, wer Sie sind.</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>New draft from this revision</source>
        <translation>Neuer Entwurf aus dieser Revision</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>new package</source>
        <translation>neues Paket</translation>
    </message>
    <message>
        <source>Save the package as</source>
        <translation>Paket speichern unter</translation>
    </message>
    <message>
        <source>Package folder or .zip (*)</source>
        <translation>Paketordner oder .zip (*)</translation>
    </message>
    <message>
        <source>Open a package folder</source>
        <translation>Paketordner öffnen</translation>
    </message>
    <message>
        <source>Compare with which package?</source>
        <translation>Mit welchem Paket vergleichen?</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message numerus="yes">
        <source>The preview shows the last valid state: fix %n problems to update it.</source>
        <translation>
            <numerusform>Die Vorschau zeigt den letzten gültigen Stand: Beheben Sie %n Problem, um sie zu aktualisieren.</numerusform>
            <numerusform>Die Vorschau zeigt den letzten gültigen Stand: Beheben Sie %n Probleme, um sie zu aktualisieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Document: {id} revision {rev}</source>
        <translation>Dokument: {id} Revision {rev}</translation>
    </message>
    <message>
        <source>Missing translations</source>
        <translation>Fehlende Übersetzungen</translation>
    </message>
    <message>
        <source>{name}: a station shows pictures (.jpg, .png, .webp), videos (.mp4, .webm) and drawings (.pdf). Convert the file to one of these.</source>
        <translation>{name}: Eine Station zeigt Bilder (.jpg, .png, .webp), Videos (.mp4, .webm) und Zeichnungen (.pdf). Wandeln Sie die Datei in eines dieser Formate um.</translation>
    </message>
    <message>
        <source>✔ No problems: this package is valid.</source>
        <translation>✔ Keine Probleme: Dieses Paket ist gültig.</translation>
    </message>
    <message>
        <source>The preview appears once the package is valid.</source>
        <translation>Die Vorschau erscheint, sobald das Paket gültig ist.</translation>
    </message>
    <message>
        <source>Step {n} as the station shows it at {w}×{h}, {lang}.</source>
        <translation>Schritt {n}, wie ihn die Station bei {w}×{h} zeigt, {lang}.</translation>
    </message>
    <message>
        <source>An approved revision is never edited in place. Use 'New draft from this revision' and save the draft.</source>
        <translation>Eine freigegebene Revision wird nie direkt geändert. Verwenden Sie 'Neuer Entwurf aus dieser Revision' und speichern Sie den Entwurf.</translation>
    </message>
    <message>
        <source>{id} revision {rev} ({status}) — {where} — Instruction editor</source>
        <translation>{id} Revision {rev} ({status}) — {where} — Anweisungseditor</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was written: the package has %n problems.</source>
        <translation>
            <numerusform>Es wurde nichts geschrieben: Das Paket hat %n Problem.</numerusform>
            <numerusform>Es wurde nichts geschrieben: Das Paket hat %n Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
    <message>
        <source>The preview failed: {err}</source>
        <translation>Die Vorschau ist fehlgeschlagen: {err}</translation>
    </message>
    <message>
        <source>Cannot write: {err}</source>
        <translation>Schreiben nicht möglich: {err}</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Instruction text</source>
        <translation>Anweisungstext</translation>
    </message>
    <message>
        <source>Required step</source>
        <translation>Pflichtschritt</translation>
    </message>
    <message>
        <source>Safety warnings</source>
        <translation>Sicherheitshinweise</translation>
    </message>
    <message>
        <source>Pictures, videos, drawings</source>
        <translation>Bilder, Videos, Zeichnungen</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>Checklistenpunkte</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Component (part number)</source>
        <translation>Bauteil (Teilenummer)</translation>
    </message>
    <message>
        <source>Or: code pattern (regex)</source>
        <translation>Oder: Code-Muster (Regex)</translation>
    </message>
    <message>
        <source>GTIN (GS1 AI 01)</source>
        <translation>GTIN (GS1 AI 01)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>Nachkommastellen</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>Nennwert</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>Untere Grenze</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>Obere Grenze</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>When NOK, the operator may</source>
        <translation>Bei NIO darf der Werker</translation>
    </message>
    <message>
        <source>Retries allowed</source>
        <translation>Erlaubte Wiederholungen</translation>
    </message>
    <message>
        <source>Tool program (pset)</source>
        <translation>Werkzeugprogramm (Pset)</translation>
    </message>
    <message>
        <source>Fastenings</source>
        <translation>Verschraubungen</translation>
    </message>
    <message>
        <source>Torque min (N·m)</source>
        <translation>Drehmoment min. (N·m)</translation>
    </message>
    <message>
        <source>Torque max (N·m)</source>
        <translation>Drehmoment max. (N·m)</translation>
    </message>
    <message>
        <source>Torque unit</source>
        <translation>Drehmomenteinheit</translation>
    </message>
    <message>
        <source>Angle min (°)</source>
        <translation>Winkel min. (°)</translation>
    </message>
    <message>
        <source>Angle max (°)</source>
        <translation>Winkel max. (°)</translation>
    </message>
    <message>
        <source>Signed by role</source>
        <translation>Unterschrift durch Rolle</translation>
    </message>
    <message>
        <source>Meaning of the signature</source>
        <translation>Bedeutung der Unterschrift</translation>
    </message>
    <message>
        <source>Signer must not be the operator</source>
        <translation>Unterzeichner darf nicht der Werker sein</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Icon</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Bildunterschrift</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Arbeitsgang</translation>
    </message>
    <message>
        <source>Standard time (s)</source>
        <translation>Vorgabezeit (s)</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>Standardsprache</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>Freigegeben am</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>Änderungsvermerk</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Rückverfolgung</translation>
    </message>
    <message>
        <source>Scan pattern (regex)</source>
        <translation>Scan-Muster (Regex)</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Behälter</translation>
    </message>
    <message>
        <source>Components (bill of materials)</source>
        <translation>Bauteile (Stückliste)</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Scan a part</source>
        <translation>Teil scannen</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Messung</translation>
    </message>
    <message>
        <source>Pass / fail</source>
        <translation>IO / NIO</translation>
    </message>
    <message>
        <source>Torque</source>
        <translation>Verschraubung</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>not tracked</source>
        <translation>ohne Rückverfolgung</translation>
    </message>
    <message>
        <source>by lot</source>
        <translation>nach Charge</translation>
    </message>
    <message>
        <source>by serial number</source>
        <translation>nach Seriennummer</translation>
    </message>
    <message>
        <source>caution</source>
        <translation>Vorsicht</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>danger</source>
        <translation>Gefahr</translation>
    </message>
    <message>
        <source>gloves</source>
        <translation>Handschuhe</translation>
    </message>
    <message>
        <source>safety goggles</source>
        <translation>Schutzbrille</translation>
    </message>
    <message>
        <source>hot surface</source>
        <translation>heiße Oberfläche</translation>
    </message>
    <message>
        <source>sharp edges</source>
        <translation>scharfe Kanten</translation>
    </message>
    <message>
        <source>electric shock</source>
        <translation>Stromschlag</translation>
    </message>
    <message>
        <source>ESD-sensitive</source>
        <translation>ESD-gefährdet</translation>
    </message>
    <message>
        <source>heavy load</source>
        <translation>schwere Last</translation>
    </message>
    <message>
        <source>information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>wiederholen</translation>
    </message>
    <message>
        <source>rework</source>
        <translation>nacharbeiten</translation>
    </message>
    <message>
        <source>scrap</source>
        <translation>verschrotten</translation>
    </message>
    <message>
        <source>override</source>
        <translation>freigeben lassen</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>line lead</source>
        <translation>Linienleiter</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>obsolete</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Drop pictures (.jpg .png .webp), videos (.mp4 .webm) or PDFs here.</source>
        <translation>Bilder (.jpg .png .webp), Videos (.mp4 .webm) oder PDFs hierher ziehen.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>default language</source>
        <translation>Standardsprache</translation>
    </message>
    <message>
        <source>Revision {rev} · {status}</source>
        <translation>Revision {rev} · {status}</translation>
    </message>
    <message>
        <source>missing translation</source>
        <translation>Übersetzung fehlt</translation>
    </message>
    <message>
        <source>required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message numerus="yes">
        <source>%n steps added</source>
        <translation>
            <numerusform>%n Schritt hinzugefügt</numerusform>
            <numerusform>%n Schritte hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n verschoben</numerusform>
            <numerusform>%n verschoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>The two revisions are the same.</source>
        <translation>Die beiden Revisionen sind gleich.</translation>
    </message>
    <message>
        <source>Revision {a} → {b}</source>
        <translation>Revision {a} → {b}</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Revision {a} → {b}: {steps}; {components}.</source>
        <translation>Revision {a} → {b}: {steps}; {components}.</translation>
    </message>
    <message numerus="yes">
        <source>%n component changes</source>
        <translation>
            <numerusform>%n Bauteiländerung</numerusform>
            <numerusform>%n Bauteiländerungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Component {part}</source>
        <translation>Bauteil {part}</translation>
    </message>
    <message>
        <source>Step {where} · {title} ({id})</source>
        <translation>Schritt {where} · {title} ({id})</translation>
    </message>
    <message>
        <source>{name}: unknown media type.</source>
        <translation>{name}: unbekannter Medientyp.</translation>
    </message>
    <message>
        <source>{name} is not a picture Qt can open ({why}). Save it as JPEG or PNG.</source>
        <translation>{name} ist kein Bild, das Qt öffnen kann ({why}). Speichern Sie es als JPEG oder PNG.</translation>
    </message>
    <message>
        <source>PDF drawings cannot be checked on this machine ({why}).</source>
        <translation>PDF-Zeichnungen können auf diesem Rechner nicht geprüft werden ({why}).</translation>
    </message>
    <message>
        <source>{name} does not open as a PDF ({why}). Export the drawing again.</source>
        <translation>{name} lässt sich nicht als PDF öffnen ({why}). Exportieren Sie die Zeichnung erneut.</translation>
    </message>
    <message>
        <source>Videos cannot be checked on this machine ({why}).</source>
        <translation>Videos können auf diesem Rechner nicht geprüft werden ({why}).</translation>
    </message>
    <message>
        <source>cannot be played</source>
        <translation>nicht abspielbar</translation>
    </message>
    <message>
        <source>{name} did not open as a video within {s} s. Encode it as H.264 MP4.</source>
        <translation>{name} ließ sich nicht innerhalb von {s} s als Video öffnen. Kodieren Sie es als H.264-MP4.</translation>
    </message>
    <message>
        <source>{name} cannot be played ({why}). Encode it as H.264 MP4.</source>
        <translation>{name} kann nicht abgespielt werden ({why}). Kodieren Sie es als H.264-MP4.</translation>
    </message>
    <message>
        <source>{name} holds no video track. Encode it as H.264 MP4.</source>
        <translation>{name} enthält keine Videospur. Kodieren Sie es als H.264-MP4.</translation>
    </message>
    <message>
        <source>invalid media</source>
        <translation>ungültige Mediendatei</translation>
    </message>
    <message>
        <source>The draft has no steps yet.</source>
        <translation>Der Entwurf hat noch keine Schritte.</translation>
    </message>
    <message>
        <source>Add a step.</source>
        <translation>Fügen Sie einen Schritt hinzu.</translation>
    </message>
    <message>
        <source>Check the steps before it.</source>
        <translation>Prüfen Sie die Schritte davor.</translation>
    </message>
    <message>
        <source>The preview could not reach step {n}.</source>
        <translation>Die Vorschau konnte Schritt {n} nicht erreichen.</translation>
    </message>
</context>
</TS>
