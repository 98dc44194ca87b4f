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
        <location filename="../../ui/screens.py" line="72"/>
        <source>Scan your badge</source>
        <translation>Ausweis scannen</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="75"/>
        <source>Hold your badge under the scanner. No badge? Enter your PIN.</source>
        <translation>Halten Sie den Ausweis unter den Scanner. Kein Ausweis? PIN eingeben.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="81"/>
        <source>Leave kiosk mode</source>
        <translation>Kioskmodus verlassen</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="90"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="99"/>
        <source>Log in</source>
        <translation>Anmelden</translation>
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
    <name>Messages</name>
    <message>
        <location filename="../../ui/floor_messages.py" line="14"/>
        <location filename="../../ui/messages.py" line="24"/>
        <source>Badge {badge} is not known at this station.</source>
        <extracomment>code → (message, next action) templates, formatted with the core&apos;s params.</extracomment>
        <translation>Ausweis {badge} ist an dieser Station nicht bekannt.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="15"/>
        <source>Check the badge or ask a line lead.</source>
        <translation>Prüfen Sie den Ausweis oder fragen Sie die Linienleitung.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="18"/>
        <source>This step&apos;s part is already scanned.</source>
        <translation>Das Teil dieses Schritts ist schon gescannt.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="19"/>
        <source>To scan it again: More → Redo this step.</source>
        <translation>Zum erneuten Scannen: Mehr → Schritt wiederholen.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="22"/>
        <source>{signer} cannot sign this step.</source>
        <translation>{signer} darf diesen Schritt nicht freigeben.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="23"/>
        <location filename="../../ui/floor_messages.py" line="27"/>
        <source>Call the person the step names to scan their badge.</source>
        <translation>Rufen Sie die im Schritt genannte Person, um ihren Ausweis zu scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="26"/>
        <source>This sign-off must be by someone other than the builder.</source>
        <translation>Diese Freigabe muss jemand anderes als der Werker geben.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="30"/>
        <source>This {name} ({serial}) was already fitted to unit {unit}.</source>
        <translation>Dieses Teil {name} ({serial}) wurde schon in Einheit {unit} verbaut.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="31"/>
        <source>Take another one; put this one aside for the line lead.</source>
        <translation>Nehmen Sie ein anderes; legen Sie dieses für die Linienleitung beiseite.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="25"/>
        <source>Scan your own badge, or ask the line lead to register it.</source>
        <translation>Scannen Sie Ihren eigenen Ausweis oder lassen Sie ihn vom Linienleiter registrieren.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="28"/>
        <source>That PIN is not right.</source>
        <translation>Die PIN ist falsch.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="29"/>
        <source>Enter your PIN again or scan your badge.</source>
        <translation>PIN erneut eingeben oder Ausweis scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>{operator} is not certified for operation {operation}.</source>
        <translation>{operator} ist für Arbeitsgang {operation} nicht qualifiziert.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>Ask a line lead to approve, or call the next certified operator.</source>
        <translation>Linienleiter um Freigabe bitten oder qualifizierten Werker rufen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>{operator}&apos;s certification for {operation} expired on {expires}.</source>
        <translation>Die Qualifikation von {operator} für {operation} ist am {expires} abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41"/>
        <source>Ask a line lead to approve, and have the certification renewed.</source>
        <translation>Linienleiter um Freigabe bitten und die Qualifikation erneuern lassen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>Serial {serial} was already used.</source>
        <translation>Seriennummer {serial} wurde schon verwendet.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>Check the label; scan the serial of a new unit.</source>
        <translation>Etikett prüfen; Seriennummer einer neuen Einheit scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>Wrong part: scanned {scanned}, this step needs {expected}.</source>
        <translation>Falsches Teil: {scanned} gescannt, dieser Schritt braucht {expected}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51"/>
        <source>Take {expected} from bin {bin} and scan again.</source>
        <translation>{expected} aus Behälter {bin} nehmen und erneut scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>{data} is not a label of {expected}.</source>
        <translation>{data} ist kein Etikett von {expected}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55"/>
        <source>Take {expected} from bin {bin} and scan its label.</source>
        <translation>{expected} aus Behälter {bin} nehmen und sein Etikett scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>{data} is not a badge, work order, unit or the part this step needs.</source>
        <translation>{data} ist kein Ausweis, Auftrag, keine Einheit und nicht das Teil dieses Schritts.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>Check the label and scan again.</source>
        <translation>Etikett prüfen und erneut scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64"/>
        <source>The station is locked.</source>
        <translation>Die Station ist gesperrt.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>Scan your badge first.</source>
        <translation>Zuerst den Ausweis scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="68"/>
        <source>Work order {work_order} is complete: {done} of {quantity} done.</source>
        <translation>Auftrag {work_order} ist erfüllt: {done} von {quantity} fertig.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>Pick the next work order, or ask a line lead to approve extra units.</source>
        <translation>Nächsten Auftrag wählen oder Linienleiter um Mehrmenge bitten.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76"/>
        <source>Only a line lead&apos;s badge can approve this.</source>
        <translation>Nur der Ausweis eines Linienleiters kann das freigeben.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77"/>
        <source>Ask the line lead to scan their badge.</source>
        <translation>Linienleiter bitten, den Ausweis zu scannen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>Step {step} is not done yet.</source>
        <translation>Schritt {step} ist noch nicht erledigt.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>That is not a number.</source>
        <translation>Das ist keine Zahl.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>Enter the reading with the keypad.</source>
        <translation>Geben Sie den Messwert über das Tastenfeld ein.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="85"/>
        <source>The value is outside the limits.</source>
        <translation>Der Wert liegt außerhalb der Grenzen.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Measure again, or choose what to do with the NOK.</source>
        <translation>Erneut messen oder wählen, was mit dem NIO geschieht.</translation>
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
        <source>This station runs without a configuration file: nothing can be saved here.</source>
        <translation>Diese Station läuft ohne Konfigurationsdatei: hier kann nichts gespeichert werden.</translation>
    </message>
    <message>
        <source>Ask IT to provision the station (kiosk provision).</source>
        <translation>Die IT bitten, die Station zu provisionieren (kiosk provision).</translation>
    </message>
    <message>
        <source>The configuration file on disk is damaged: nothing was saved.</source>
        <translation>Die Konfigurationsdatei ist beschädigt: nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The configuration file cannot be written: nothing was saved.</source>
        <translation>Die Konfigurationsdatei kann nicht geschrieben werden: nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>These settings would not start the station: nothing was saved.</source>
        <translation>Mit diesen Einstellungen startet die Station nicht: nichts wurde gespeichert.</translation>
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
</TS>
