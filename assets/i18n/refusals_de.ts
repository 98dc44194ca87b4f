<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Refusals</name>
    <message>
        <source>The station is locked.</source>
        <translation>Die Station ist gesperrt.</translation>
    </message>
    <message>
        <source>Scan your badge to log in.</source>
        <translation>Scannen Sie Ihren Ausweis, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Badge {badge} is not known at this station.</source>
        <translation>Ausweis {badge} ist an dieser Station nicht bekannt.</translation>
    </message>
    <message>
        <source>Scan your own badge, or ask the line lead to register it.</source>
        <translation>Scannen Sie Ihren eigenen Ausweis oder lassen Sie ihn vom Linienleiter registrieren.</translation>
    </message>
    <message>
        <source>Enter your PIN again. Tries left before it locks: {tries_left}.</source>
        <translation>Geben Sie Ihre PIN erneut ein. Versuche bis zur Sperre: {tries_left}.</translation>
    </message>
    <message>
        <source>The PIN of {operator} is locked after {failures} wrong tries.</source>
        <translation>Die PIN von {operator} ist nach {failures} falschen Versuchen gesperrt.</translation>
    </message>
    <message>
        <source>Ask the line lead to unlock it (their badge), or scan your badge.</source>
        <translation>Lassen Sie sie vom Linienleiter entsperren (sein Ausweis) oder scannen Sie Ihren Ausweis.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Diese PIN ist nicht richtig.</translation>
    </message>
    <message>
        <source>Enter your PIN again or scan your badge.</source>
        <translation>Geben Sie Ihre PIN erneut ein oder scannen Sie Ihren Ausweis.</translation>
    </message>
    <message>
        <source>{operator} is not certified for operation {operation}.</source>
        <translation>{operator} ist für Arbeitsgang {operation} nicht zertifiziert.</translation>
    </message>
    <message>
        <source>Ask a line lead to approve, or call the next certified operator.</source>
        <translation>Bitten Sie einen Linienleiter um Freigabe oder rufen Sie den nächsten zertifizierten Werker.</translation>
    </message>
    <message>
        <source>{operator}'s certification for operation {operation} expired on {expires}.</source>
        <translation>Die Zertifizierung von {operator} für Arbeitsgang {operation} ist am {expires} abgelaufen.</translation>
    </message>
    <message>
        <source>Ask a line lead to approve, and have the certification renewed.</source>
        <translation>Bitten Sie einen Linienleiter um Freigabe und lassen Sie die Zertifizierung erneuern.</translation>
    </message>
    <message>
        <source>Only a line lead's badge can approve this.</source>
        <translation>Nur der Ausweis eines Linienleiters kann das freigeben.</translation>
    </message>
    <message>
        <source>Ask the line lead to scan their badge.</source>
        <translation>Bitten Sie den Linienleiter, seinen Ausweis zu scannen.</translation>
    </message>
    <message>
        <source>The instruction revision {revision} is not on this station.</source>
        <translation>Die Anweisungsrevision {revision} ist nicht auf dieser Station.</translation>
    </message>
    <message>
        <source>Ask the line lead to sync the station or import the package.</source>
        <translation>Bitten Sie den Linienleiter, die Station zu synchronisieren oder das Paket zu importieren.</translation>
    </message>
    <message>
        <source>No work order is selected.</source>
        <translation>Kein Auftrag ist ausgewählt.</translation>
    </message>
    <message>
        <source>Pick one from the queue.</source>
        <translation>Wählen Sie einen aus der Liste.</translation>
    </message>
    <message>
        <source>Work order {work_order} is not on this station.</source>
        <translation>Auftrag {work_order} ist nicht auf dieser Station.</translation>
    </message>
    <message>
        <source>Check the number, or ask the line lead to sync the station.</source>
        <translation>Prüfen Sie die Nummer oder bitten Sie den Linienleiter, die Station zu synchronisieren.</translation>
    </message>
    <message>
        <source>Work order {work_order} is cancelled in the ERP.</source>
        <translation>Auftrag {work_order} ist im ERP storniert.</translation>
    </message>
    <message>
        <source>Pick another work order from the queue.</source>
        <translation>Wählen Sie einen anderen Auftrag aus der Liste.</translation>
    </message>
    <message>
        <source>Work order {work_order} is on hold in the ERP.</source>
        <translation>Auftrag {work_order} ist im ERP angehalten.</translation>
    </message>
    <message>
        <source>Unit {serial} is still in progress.</source>
        <translation>Einheit {serial} ist noch in Arbeit.</translation>
    </message>
    <message>
        <source>Finish or scrap it before you go on.</source>
        <translation>Schließen Sie sie ab oder verschrotten Sie sie, bevor Sie weitermachen.</translation>
    </message>
    <message>
        <source>Serial {serial} was already used on {finished}.</source>
        <translation>Seriennummer {serial} wurde bereits am {finished} verwendet.</translation>
    </message>
    <message>
        <source>Check the label; scan the serial of a new unit.</source>
        <translation>Prüfen Sie das Etikett; scannen Sie die Seriennummer einer neuen Einheit.</translation>
    </message>
    <message>
        <source>There is no approved work instruction for {product} {operation}.</source>
        <translation>Es gibt keine freigegebene Arbeitsanweisung für {product} {operation}.</translation>
    </message>
    <message>
        <source>Ask the line lead to publish or import the instruction package.</source>
        <translation>Bitten Sie den Linienleiter, das Anweisungspaket zu veröffentlichen oder zu importieren.</translation>
    </message>
    <message>
        <source>Work order {work_order} is complete: {done} of {quantity} done.</source>
        <translation>Auftrag {work_order} ist erfüllt: {done} von {quantity} fertig.</translation>
    </message>
    <message>
        <source>Pick the next work order, or ask a line lead to approve extra units.</source>
        <translation>Wählen Sie den nächsten Auftrag oder bitten Sie einen Linienleiter, zusätzliche Einheiten freizugeben.</translation>
    </message>
    <message>
        <source>No unit is in progress.</source>
        <translation>Keine Einheit ist in Arbeit.</translation>
    </message>
    <message>
        <source>Scan the unit's serial or tap Start.</source>
        <translation>Scannen Sie die Seriennummer der Einheit oder tippen Sie auf Start.</translation>
    </message>
    <message>
        <source>There is no step {step}.</source>
        <translation>Es gibt keinen Schritt {step}.</translation>
    </message>
    <message>
        <source>Pick a step from the list.</source>
        <translation>Wählen Sie einen Schritt aus der Liste.</translation>
    </message>
    <message>
        <source>Step {step} comes after steps that are not done yet.</source>
        <translation>Schritt {step} kommt nach Schritten, die noch nicht erledigt sind.</translation>
    </message>
    <message>
        <source>Finish the current step first.</source>
        <translation>Schließen Sie zuerst den aktuellen Schritt ab.</translation>
    </message>
    <message numerus="yes">
        <source>%n items are not ticked yet, first: {first}.</source>
        <translation>
            <numerusform>%n Punkt ist noch nicht abgehakt: {first}.</numerusform>
            <numerusform>%n Punkte sind noch nicht abgehakt, zuerst: {first}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick every item, then tap Next.</source>
        <translation>Haken Sie jeden Punkt ab und tippen Sie dann auf Weiter.</translation>
    </message>
    <message>
        <source>Step {step} “{title}” is not done yet.</source>
        <translation>Schritt {step} „{title}“ ist noch nicht erledigt.</translation>
    </message>
    <message>
        <source>Complete the step.</source>
        <translation>Schließen Sie den Schritt ab.</translation>
    </message>
    <message>
        <source>Scan the part this step needs.</source>
        <translation>Scannen Sie das Teil, das dieser Schritt braucht.</translation>
    </message>
    <message>
        <source>Enter the measured value.</source>
        <translation>Geben Sie den Messwert ein.</translation>
    </message>
    <message>
        <source>Tap Pass or Fail.</source>
        <translation>Tippen Sie auf Gut oder Schlecht.</translation>
    </message>
    <message>
        <source>Tighten every fastening with the tool.</source>
        <translation>Ziehen Sie jede Verschraubung mit dem Werkzeug an.</translation>
    </message>
    <message>
        <source>Have the sign-off badge scanned.</source>
        <translation>Lassen Sie den Ausweis für die Abzeichnung scannen.</translation>
    </message>
    <message>
        <source>Retry, rework, scrap, or ask a line lead to override.</source>
        <translation>Wiederholen, nacharbeiten, verschrotten oder einen Linienleiter um Freigabe bitten.</translation>
    </message>
    <message numerus="yes">
        <source>%n required steps are not done.</source>
        <translation>
            <numerusform>%n Pflichtschritt ist nicht erledigt.</numerusform>
            <numerusform>%n Pflichtschritte sind nicht erledigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finish them before completing the unit.</source>
        <translation>Erledigen Sie sie, bevor Sie die Einheit abschließen.</translation>
    </message>
    <message>
        <source>Step {step} is not this kind of step.</source>
        <translation>Schritt {step} ist keine solche Art von Schritt.</translation>
    </message>
    <message>
        <source>Do what the step on screen asks.</source>
        <translation>Tun Sie, was der Schritt auf dem Bildschirm verlangt.</translation>
    </message>
    <message>
        <source>This step's fastenings are already recorded.</source>
        <translation>Die Verschraubungen dieses Schritts sind bereits erfasst.</translation>
    </message>
    <message>
        <source>Tap Next, or handle the NOK first.</source>
        <translation>Tippen Sie auf Weiter oder behandeln Sie zuerst das NIO.</translation>
    </message>
    <message>
        <source>Tightening results cannot be undone.</source>
        <translation>Schraubergebnisse können nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>If a fastening must be redone, record a rework (NOK) instead.</source>
        <translation>Muss eine Verschraubung wiederholt werden, erfassen Sie stattdessen eine Nacharbeit (NIO).</translation>
    </message>
    <message>
        <source>The tool sent a torque in “{unit}”, a unit this station does not know ({known}).</source>
        <translation>Das Werkzeug hat ein Drehmoment in „{unit}“ gesendet, einer Einheit, die diese Station nicht kennt ({known}).</translation>
    </message>
    <message>
        <source>Set the tool to N·m (or another listed unit) and tighten again; call a line lead.</source>
        <translation>Stellen Sie das Werkzeug auf N·m (oder eine andere genannte Einheit) und ziehen Sie erneut an; rufen Sie einen Linienleiter.</translation>
    </message>
    <message>
        <source>The tool sent a tightening without a torque value.</source>
        <translation>Das Werkzeug hat eine Verschraubung ohne Drehmomentwert gesendet.</translation>
    </message>
    <message>
        <source>Tighten again; call a line lead.</source>
        <translation>Ziehen Sie erneut an; rufen Sie einen Linienleiter.</translation>
    </message>
    <message>
        <source>The tool reported NOK.</source>
        <translation>Das Werkzeug hat NIO gemeldet.</translation>
    </message>
    <message>
        <source>The tool sent no torque value.</source>
        <translation>Das Werkzeug hat keinen Drehmomentwert gesendet.</translation>
    </message>
    <message>
        <source>Torque {torque} {unit} is below {limit} {unit}.</source>
        <translation>Drehmoment {torque} {unit} liegt unter {limit} {unit}.</translation>
    </message>
    <message>
        <source>Torque {torque} {unit} is above {limit} {unit}.</source>
        <translation>Drehmoment {torque} {unit} liegt über {limit} {unit}.</translation>
    </message>
    <message>
        <source>Angle {angle}° is below {limit}°.</source>
        <translation>Winkel {angle}° liegt unter {limit}°.</translation>
    </message>
    <message>
        <source>Angle {angle}° is above {limit}°.</source>
        <translation>Winkel {angle}° liegt über {limit}°.</translation>
    </message>
    <message>
        <source>Program (pset) {used} was used; this step needs {pset}.</source>
        <translation>Programm (Pset) {used} wurde verwendet; dieser Schritt braucht {pset}.</translation>
    </message>
    <message>
        <source>{signer} cannot sign this step.</source>
        <translation>{signer} darf diesen Schritt nicht freigeben.</translation>
    </message>
    <message>
        <source>Call the person the step names to scan their badge.</source>
        <translation>Rufen Sie die im Schritt genannte Person, um ihren Ausweis zu scannen.</translation>
    </message>
    <message>
        <source>This sign-off must be by someone other than the operator who built the unit.</source>
        <translation>Diese Abzeichnung muss von jemand anderem als dem Werker kommen, der die Einheit gebaut hat.</translation>
    </message>
    <message>
        <source>No retries are left for step {step}.</source>
        <translation>Für Schritt {step} sind keine Wiederholungen mehr übrig.</translation>
    </message>
    <message>
        <source>Rework, scrap, or ask a line lead to override.</source>
        <translation>Nacharbeiten, verschrotten oder einen Linienleiter um Freigabe bitten.</translation>
    </message>
    <message numerus="yes">
        <source>NOK: %n retries left.</source>
        <translation>
            <numerusform>NIO: noch %n Wiederholung.</numerusform>
            <numerusform>NIO: noch %n Wiederholungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a NOK step can be handled this way.</source>
        <translation>Nur ein NIO-Schritt kann so behandelt werden.</translation>
    </message>
    <message>
        <source>Go on with the step.</source>
        <translation>Machen Sie mit dem Schritt weiter.</translation>
    </message>
    <message>
        <source>This needs a reason.</source>
        <translation>Dafür braucht es einen Grund.</translation>
    </message>
    <message>
        <source>Pick a reason.</source>
        <translation>Wählen Sie einen Grund.</translation>
    </message>
    <message>
        <source>Say what was reworked.</source>
        <translation>Sagen Sie, was nachgearbeitet wurde.</translation>
    </message>
    <message>
        <source>Pick or type a reason.</source>
        <translation>Wählen oder tippen Sie einen Grund.</translation>
    </message>
    <message>
        <source>An override needs a reason.</source>
        <translation>Eine Freigabe braucht einen Grund.</translation>
    </message>
    <message>
        <source>Scrapping needs a reason.</source>
        <translation>Verschrotten braucht einen Grund.</translation>
    </message>
    <message>
        <source>Pick a scrap reason.</source>
        <translation>Wählen Sie einen Verschrottungsgrund.</translation>
    </message>
    <message>
        <source>Downtime needs a reason.</source>
        <translation>Ein Stillstand braucht einen Grund.</translation>
    </message>
    <message>
        <source>Say what is wrong with the step.</source>
        <translation>Sagen Sie, was an dem Schritt falsch ist.</translation>
    </message>
    <message>
        <source>Pick a category.</source>
        <translation>Wählen Sie eine Kategorie.</translation>
    </message>
    <message>
        <source>Downtime “{reason}” is already running.</source>
        <translation>Stillstand „{reason}“ läuft bereits.</translation>
    </message>
    <message>
        <source>End it first.</source>
        <translation>Beenden Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>The scan was empty.</source>
        <translation>Der Scan war leer.</translation>
    </message>
    <message>
        <source>Scan again.</source>
        <translation>Scannen Sie erneut.</translation>
    </message>
    <message>
        <source>{data} is not a badge, work order, unit or the part this step needs.</source>
        <translation>{data} ist weder ein Ausweis, ein Auftrag, eine Einheit noch das Teil, das dieser Schritt braucht.</translation>
    </message>
    <message>
        <source>Check the label and scan again.</source>
        <translation>Prüfen Sie das Etikett und scannen Sie erneut.</translation>
    </message>
    <message>
        <source>{part} serial {serial} is already built into unit {unit}.</source>
        <translation>{part} mit Seriennummer {serial} ist bereits in Einheit {unit} verbaut.</translation>
    </message>
    <message>
        <source>Put this part aside for the line lead and take a new one.</source>
        <translation>Legen Sie dieses Teil für den Linienleiter beiseite und nehmen Sie ein neues.</translation>
    </message>
    <message>
        <source>Wrong part: scanned {scanned}, this step needs {expected}.</source>
        <translation>Falsches Teil: {scanned} gescannt, dieser Schritt braucht {expected}.</translation>
    </message>
    <message>
        <source>Take {expected} and scan again.</source>
        <translation>Nehmen Sie {expected} und scannen Sie erneut.</translation>
    </message>
    <message>
        <source>Take {expected} from bin {bin} and scan again.</source>
        <translation>Nehmen Sie {expected} aus Behälter {bin} und scannen Sie erneut.</translation>
    </message>
    <message>
        <source>{data} is not a label of {expected}.</source>
        <translation>{data} ist kein Etikett von {expected}.</translation>
    </message>
    <message>
        <source>Take {expected} and scan its label.</source>
        <translation>Nehmen Sie {expected} und scannen Sie sein Etikett.</translation>
    </message>
    <message>
        <source>Take {expected} from bin {bin} and scan its label.</source>
        <translation>Nehmen Sie {expected} aus Behälter {bin} und scannen Sie sein Etikett.</translation>
    </message>
    <message>
        <source>{data} is not what this step needs.</source>
        <translation>{data} ist nicht das, was dieser Schritt braucht.</translation>
    </message>
    <message>
        <source>The label of {expected} carries no serial number, which this part needs.</source>
        <translation>Das Etikett von {expected} trägt keine Seriennummer, die dieses Teil braucht.</translation>
    </message>
    <message>
        <source>Scan the serial-number label of the part.</source>
        <translation>Scannen Sie das Seriennummern-Etikett des Teils.</translation>
    </message>
    <message>
        <source>The label of {expected} carries no lot number, which this part needs.</source>
        <translation>Das Etikett von {expected} trägt keine Losnummer, die dieses Teil braucht.</translation>
    </message>
    <message>
        <source>Scan the label with the lot (batch) number.</source>
        <translation>Scannen Sie das Etikett mit der Los- (Chargen-) Nummer.</translation>
    </message>
    <message>
        <source>Signed by {signer}.</source>
        <translation>Abgezeichnet von {signer}.</translation>
    </message>
    <message>
        <source>Tap Next.</source>
        <translation>Tippen Sie auf Weiter.</translation>
    </message>
    <message>
        <source>{operator} is logged in.</source>
        <translation>{operator} ist angemeldet.</translation>
    </message>
    <message>
        <source>Welcome, {operator}.</source>
        <translation>Willkommen, {operator}.</translation>
    </message>
    <message>
        <source>Work order {work_order} opened.</source>
        <translation>Auftrag {work_order} geöffnet.</translation>
    </message>
    <message>
        <source>Unit {serial} started.</source>
        <translation>Einheit {serial} gestartet.</translation>
    </message>
    <message>
        <source>{part} ({name}) accepted.</source>
        <translation>{part} ({name}) angenommen.</translation>
    </message>
    <message>
        <source>{part} ({name}) serial {serial} accepted.</source>
        <translation>{part} ({name}) mit Seriennummer {serial} angenommen.</translation>
    </message>
    <message>
        <source>{part} ({name}) lot {lot} accepted.</source>
        <translation>{part} ({name}) mit Los {lot} angenommen.</translation>
    </message>
    <message>
        <source>{data} accepted.</source>
        <translation>{data} angenommen.</translation>
    </message>
    <message>
        <source>“{raw}” is not a number.</source>
        <translation>„{raw}“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>Enter the reading in {unit} with the keypad.</source>
        <translation>Geben Sie den Messwert in {unit} über die Tastatur ein.</translation>
    </message>
    <message>
        <source>{value} has more than {decimals} decimal places.</source>
        <translation>{value} hat mehr als {decimals} Nachkommastellen.</translation>
    </message>
    <message>
        <source>Enter it as the gauge shows it (e.g. {example} {unit}).</source>
        <translation>Geben Sie ihn so ein, wie das Messgerät ihn zeigt (z. B. {example} {unit}).</translation>
    </message>
    <message>
        <source>The station database {path} is locked by another program.</source>
        <translation>Die Stationsdatenbank {path} ist von einem anderen Programm gesperrt.</translation>
    </message>
    <message>
        <source>Close the other kiosk window or backup tool, then try again.</source>
        <translation>Schließen Sie das andere Kiosk-Fenster oder Sicherungsprogramm und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The station database {path} is busy and did not answer in time; nothing was recorded.</source>
        <translation>Die Stationsdatenbank {path} ist belegt und hat nicht rechtzeitig geantwortet; nichts wurde erfasst.</translation>
    </message>
    <message>
        <source>Wait a moment and repeat the last action.</source>
        <translation>Warten Sie einen Moment und wiederholen Sie die letzte Aktion.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full; nothing was recorded.</source>
        <translation>Der Datenträger mit {path} ist voll; nichts wurde erfasst.</translation>
    </message>
    <message>
        <source>Call IT to free disk space; the last action can then be repeated.</source>
        <translation>Rufen Sie die IT, um Speicherplatz freizugeben; danach kann die letzte Aktion wiederholt werden.</translation>
    </message>
    <message>
        <source>The station could not read or write {path} (disk error); nothing was recorded.</source>
        <translation>Die Station konnte {path} nicht lesen oder schreiben (Datenträgerfehler); nichts wurde erfasst.</translation>
    </message>
    <message>
        <source>Call IT to check the disk; then restart the station.</source>
        <translation>Rufen Sie die IT, um den Datenträger zu prüfen; starten Sie dann die Station neu.</translation>
    </message>
    <message>
        <source>The station database {path} cannot be written (read-only); nothing was recorded.</source>
        <translation>Die Stationsdatenbank {path} kann nicht beschrieben werden (schreibgeschützt); nichts wurde erfasst.</translation>
    </message>
    <message>
        <source>Call IT: the kiosk user must be allowed to write the data folder.</source>
        <translation>Rufen Sie die IT: Der Kiosk-Benutzer muss in den Datenordner schreiben dürfen.</translation>
    </message>
    <message>
        <source>The station database {path} cannot be opened.</source>
        <translation>Die Stationsdatenbank {path} kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Check the data folder exists and the kiosk user may write to it.</source>
        <translation>Prüfen Sie, ob der Datenordner existiert und der Kiosk-Benutzer hineinschreiben darf.</translation>
    </message>
    <message>
        <source>The station database {path} is damaged or not a kiosk database.</source>
        <translation>Die Stationsdatenbank {path} ist beschädigt oder keine Kiosk-Datenbank.</translation>
    </message>
    <message>
        <source>Call IT: restore the latest backup (`kiosk db backup` makes one).</source>
        <translation>Rufen Sie die IT: Stellen Sie die letzte Sicherung wieder her (`kiosk db backup` erstellt eine).</translation>
    </message>
    <message>
        <source>The station hit an internal error; nothing more was recorded.</source>
        <translation>Die Station hatte einen internen Fehler; nichts weiter wurde erfasst.</translation>
    </message>
    <message>
        <source>Call a line lead.</source>
        <translation>Rufen Sie einen Linienleiter.</translation>
    </message>
    <message>
        <source>That PIN is not a line lead's.</source>
        <translation>Diese PIN gehört keinem Linienleiter.</translation>
    </message>
    <message>
        <source>Scan your badge and enter your PIN again.</source>
        <translation>Scannen Sie Ihren Ausweis und geben Sie Ihre PIN erneut ein.</translation>
    </message>
    <message>
        <source>Only a line lead or an admin can open line-lead mode.</source>
        <translation>Nur ein Linienleiter oder ein Administrator kann den Linienleiter-Modus öffnen.</translation>
    </message>
    <message>
        <source>Event {seq} is not a dead letter (any more).</source>
        <translation>Ereignis {seq} ist kein unzustellbares Ereignis (mehr).</translation>
    </message>
    <message>
        <source>The list is refreshed; look again.</source>
        <translation>Die Liste wurde aktualisiert; sehen Sie noch einmal nach.</translation>
    </message>
    <message>
        <source>A dead letter is only discarded with a reason.</source>
        <translation>Ein unzustellbares Ereignis wird nur mit Begründung verworfen.</translation>
    </message>
    <message>
        <source>Pick or type why it is discarded.</source>
        <translation>Wählen oder tippen Sie, warum es verworfen wird.</translation>
    </message>
    <message>
        <source>Only a torque tool has programs and a lock.</source>
        <translation>Nur ein Schraubwerkzeug hat Programme und eine Sperre.</translation>
    </message>
    <message>
        <source>Pick the torque tool to test these.</source>
        <translation>Wählen Sie das Schraubwerkzeug, um das zu testen.</translation>
    </message>
    <message>
        <source>These device settings cannot be used: {detail}</source>
        <translation>Diese Geräteeinstellungen sind nicht verwendbar: {detail}</translation>
    </message>
    <message>
        <source>The device cannot be opened: {detail}</source>
        <translation>Das Gerät lässt sich nicht öffnen: {detail}</translation>
    </message>
    <message>
        <source>The device reported a problem: {detail}</source>
        <translation>Das Gerät meldet ein Problem: {detail}</translation>
    </message>
    <message>
        <source>{next}</source>
        <translation>{next}</translation>
    </message>
    <message>
        <source>This {name} ({serial}) was already fitted to unit {unit}.</source>
        <translation>Dieses Teil {name} ({serial}) wurde schon in Einheit {unit} verbaut.</translation>
    </message>
    <message>
        <source>Take another one; put this one aside for the line lead.</source>
        <translation>Nehmen Sie ein anderes; legen Sie dieses für die Linienleitung beiseite.</translation>
    </message>
    <message>
        <source>To scan it again: More → Redo this step.</source>
        <translation>Zum erneuten Scannen: Mehr → Schritt wiederholen.</translation>
    </message>
    <message>
        <source>This step's part is already scanned.</source>
        <translation>Das Teil dieses Schritts ist schon gescannt.</translation>
    </message>
    <message>
        <source>Check the badge or ask a line lead.</source>
        <translation>Prüfen Sie den Ausweis oder fragen Sie die Linienleitung.</translation>
    </message>
    <message>
        <source>Call a {role} to scan their badge.</source>
        <translation>Rufen Sie jemanden mit der Rolle {role}, um den Ausweis zu scannen.</translation>
    </message>
    <message>
        <source>{signer} cannot sign this step: it needs a {role}.</source>
        <translation>{signer} kann diesen Schritt nicht abzeichnen: er braucht die Rolle {role}.</translation>
    </message>
    <message>
        <source>The tool sent a result the station could not read.</source>
        <translation>Das Werkzeug hat ein Ergebnis gesendet, das die Station nicht lesen konnte.</translation>
    </message>
    <message>
        <source>It is kept for the line lead and not counted; tighten this fastening again.</source>
        <translation>Es wird für den Linienleiter aufbewahrt und nicht gezählt; ziehen Sie diese Verschraubung erneut an.</translation>
    </message>
    <message>
        <source>The tool's result is marked for unit {identifier}, not for this unit {serial}.</source>
        <translation>Das Ergebnis des Werkzeugs ist für Einheit {identifier} markiert, nicht für diese Einheit {serial}.</translation>
    </message>
    <message>
        <source>It is not counted for {serial}; call a line lead to check the tool's unit.</source>
        <translation>Es wird für {serial} nicht gezählt; lassen Sie den Linienleiter die Einheit im Werkzeug prüfen.</translation>
    </message>
    <message>
        <source>A tightening made while the tool was offline ran program {used}; this step needs {pset}.</source>
        <translation>Eine Verschraubung, die ohne Verbindung gemacht wurde, lief mit Programm {used}; dieser Schritt braucht {pset}.</translation>
    </message>
    <message>
        <source>It is kept for the line lead and not counted; tighten with the step's program.</source>
        <translation>Sie wird für den Linienleiter aufbewahrt und nicht gezählt; ziehen Sie mit dem Programm des Schritts an.</translation>
    </message>
    <message>
        <source>A tightening made while the tool was offline was made before this step started.</source>
        <translation>Eine Verschraubung, die ohne Verbindung gemacht wurde, stammt von vor dem Beginn dieses Schritts.</translation>
    </message>
    <message>
        <source>It is kept for the line lead and not counted; tighten the fastenings of this step.</source>
        <translation>Sie wird für den Linienleiter aufbewahrt und nicht gezählt; ziehen Sie die Verschraubungen dieses Schritts an.</translation>
    </message>
    <message>
        <source>Spindle {spindle} tightened, but this step has no open fastening left for it.</source>
        <translation>Spindel {spindle} hat angezogen, aber dieser Schritt hat keine offene Verschraubung mehr dafür.</translation>
    </message>
    <message>
        <source>It is kept for the line lead and not counted; call a line lead.</source>
        <translation>Sie wird für den Linienleiter aufbewahrt und nicht gezählt; rufen Sie einen Linienleiter.</translation>
    </message>
    <message>
        <source>This station runs without a configuration file: nothing can be saved here.</source>
        <translation>Diese Station läuft ohne Konfigurationsdatei: hier kann nichts gespeichert werden.</translation>
    </message>
    <message>
        <source>Ask IT to provision the station (kiosk provision).</source>
        <translation>Bitten Sie die IT, die Station einzurichten (kiosk provision).</translation>
    </message>
    <message>
        <source>The configuration file {path} is damaged: nothing was saved. ({detail})</source>
        <translation>Die Konfigurationsdatei {path} ist beschädigt: nichts wurde gespeichert. ({detail})</translation>
    </message>
    <message>
        <source>Ask IT to restore the file or provision the station again.</source>
        <translation>Bitten Sie die IT, die Datei wiederherzustellen oder die Station neu einzurichten.</translation>
    </message>
    <message>
        <source>These settings would not start the station: nothing was saved. ({detail})</source>
        <translation>Mit diesen Einstellungen würde die Station nicht starten: nichts wurde gespeichert. ({detail})</translation>
    </message>
    <message>
        <source>Correct the setting and save again.</source>
        <translation>Korrigieren Sie die Einstellung und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>The configuration file {path} cannot be written: nothing was saved. ({detail})</source>
        <translation>Die Konfigurationsdatei {path} kann nicht geschrieben werden: nichts wurde gespeichert. ({detail})</translation>
    </message>
    <message>
        <source>Call IT: the disk may be full or read-only.</source>
        <translation>Rufen Sie die IT: Der Datenträger ist vielleicht voll oder schreibgeschützt.</translation>
    </message>
</context>
</TS>
