<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
        <translation>Calidad</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="118"/>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="119"/>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="128"/>
        <source>Help is called: {0}</source>
        <translation>Ayuda llamada: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="129"/>
        <source>It stays on the top bar until someone clears it.</source>
        <translation>Queda en la barra superior hasta que alguien la resuelva.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="137"/>
        <source>Call for help</source>
        <translation>Pedir ayuda</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="138"/>
        <source>What do you need?</source>
        <translation>¿Qué necesita?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="146"/>
        <source>{0} called at {1}</source>
        <translation>{0} llamada a las {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>Clear</source>
        <translation>Resuelto</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../ui/app.py" line="121"/>
        <source>Demo devices</source>
        <translation>Dispositivos de demostración</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="133"/>
        <source>Scan:</source>
        <translation>Escanear:</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="138"/>
        <source>Tighten OK</source>
        <translation>Apriete OK</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="140"/>
        <source>Tighten NOK</source>
        <translation>Apriete NOK</translation>
    </message>
</context>
<context>
    <name>Downtime</name>
    <message>
        <location filename="../../ui/dialogs.py" line="194"/>
        <source>No material</source>
        <translation>Sin material</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="195"/>
        <source>Machine fault</source>
        <translation>Avería</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="196"/>
        <source>Break</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197"/>
        <source>Meeting / training</source>
        <translation>Reunión / formación</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="207"/>
        <location filename="../../ui/dialogs.py" line="219"/>
        <source>Downtime</source>
        <translation>Parada</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="208"/>
        <source>Why is the station stopping?</source>
        <translation>¿Por qué se para el puesto?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="226"/>
        <source>Station stopped: {0}</source>
        <translation>Puesto parado: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="227"/>
        <source>Tap End downtime when work can go on.</source>
        <translation>Toque Fin de parada cuando se pueda seguir.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="231"/>
        <source>End downtime</source>
        <translation>Fin de parada</translation>
    </message>
</context>
<context>
    <name>Exit</name>
    <message>
        <location filename="../../ui/dialogs.py" line="361"/>
        <source>Leave kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="369"/>
        <source>1. Line lead or admin: scan your badge.</source>
        <translation>1. Jefe de línea o admin: escanee su tarjeta.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="370"/>
        <source>2. Enter your PIN.</source>
        <translation>2. Introduzca su PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="384"/>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="394"/>
        <source>Badge scanned. ✓</source>
        <translation>Tarjeta escaneada. ✓</translation>
    </message>
</context>
<context>
    <name>InstructionAction</name>
    <message>
        <location filename="../../ui/runner.py" line="91"/>
        <source>Do the step, then tap Next.</source>
        <translation>Haga el paso y toque Siguiente.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="72"/>
        <source>Scan your badge</source>
        <translation>Escanee su tarjeta</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="75"/>
        <source>Hold your badge under the scanner. No badge? Enter your PIN.</source>
        <translation>Ponga su tarjeta bajo el escáner. ¿Sin tarjeta? Introduzca su PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="81"/>
        <source>Leave kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="90"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="99"/>
        <source>Log in</source>
        <translation>Entrar</translation>
    </message>
</context>
<context>
    <name>MeasureAction</name>
    <message>
        <location filename="../../ui/runner.py" line="306"/>
        <source>Enter {0} ({1})</source>
        <translation>Introduzca {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="324"/>
        <location filename="../../ui/runner.py" line="343"/>
        <source>OK: within limits</source>
        <translation>OK: dentro de límites</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="325"/>
        <source>NOK: outside limits</source>
        <translation>NOK: fuera de límites</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="326"/>
        <source>Check: close to a limit</source>
        <translation>Revise: cerca de un límite</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="328"/>
        <source>Not a number</source>
        <translation>No es un número</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="333"/>
        <source>Enter the reading with the keypad.</source>
        <translation>Introduzca la lectura con el teclado.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="336"/>
        <source>{0} · limits {1}</source>
        <translation>{0} · límites {1}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="338"/>
        <source>close to a limit: check the part</source>
        <translation>cerca de un límite: revise la pieza</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="345"/>
        <source>Measure, type the value, tap OK.</source>
        <translation>Mida, teclee el valor y toque OK.</translation>
    </message>
</context>
<context>
    <name>Media</name>
    <message>
        <location filename="../../ui/media.py" line="68"/>
        <location filename="../../ui/media.py" line="73"/>
        <source>the picture file is damaged or not a picture</source>
        <translation>el archivo de imagen está dañado o no es una imagen</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="313"/>
        <source>the video cannot be played</source>
        <translation>el vídeo no se puede reproducir</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="335"/>
        <source>the PDF could not be opened</source>
        <translation>el PDF no se pudo abrir</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="343"/>
        <source>the PDF page could not be drawn</source>
        <translation>la página del PDF no se pudo dibujar</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="410"/>
        <source>Cannot show this: {0}. You can go on with the step.</source>
        <translation>No se puede mostrar: {0}. Puede seguir con el paso.</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="423"/>
        <source>No picture for this step.</source>
        <translation>Este paso no tiene imagen.</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="436"/>
        <source>the file has not reached this station yet</source>
        <translation>el archivo aún no ha llegado a este puesto</translation>
    </message>
    <message>
        <location filename="../../ui/media.py" line="451"/>
        <source>Page {0} of {1}</source>
        <translation>Página {0} de {1}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/floor_messages.py" line="14"/>
        <location filename="../../ui/messages.py" line="24"/>
        <source>Badge {badge} is not known at this station.</source>
        <extracomment>code → (message, next action) templates, formatted with the core&apos;s params.</extracomment>
        <translation>La tarjeta {badge} no es conocida en esta estación.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="15"/>
        <source>Check the badge or ask a line lead.</source>
        <translation>Revise la tarjeta o pregunte al jefe de línea.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="18"/>
        <source>This step&apos;s part is already scanned.</source>
        <translation>La pieza de este paso ya está escaneada.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="19"/>
        <source>To scan it again: More → Redo this step.</source>
        <translation>Para escanearla de nuevo: Más → Repetir este paso.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="22"/>
        <source>{signer} cannot sign this step.</source>
        <translation>{signer} no puede firmar este paso.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="23"/>
        <location filename="../../ui/floor_messages.py" line="27"/>
        <source>Call the person the step names to scan their badge.</source>
        <translation>Llame a la persona que indica el paso para que escanee su tarjeta.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="26"/>
        <source>This sign-off must be by someone other than the builder.</source>
        <translation>Esta firma debe hacerla otra persona distinta de quien montó la unidad.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="30"/>
        <source>This {name} ({serial}) was already fitted to unit {unit}.</source>
        <translation>Esta pieza {name} ({serial}) ya se montó en la unidad {unit}.</translation>
    </message>
    <message>
        <location filename="../../ui/floor_messages.py" line="31"/>
        <source>Take another one; put this one aside for the line lead.</source>
        <translation>Tome otra; deje esta aparte para el jefe de línea.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="25"/>
        <source>Scan your own badge, or ask the line lead to register it.</source>
        <translation>Escanee su propia tarjeta o pida al jefe de línea que la registre.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="28"/>
        <source>That PIN is not right.</source>
        <translation>El PIN no es correcto.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="29"/>
        <source>Enter your PIN again or scan your badge.</source>
        <translation>Introduzca el PIN de nuevo o escanee su tarjeta.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32"/>
        <source>{operator} is not certified for operation {operation}.</source>
        <translation>{operator} no está certificado/a para la operación {operation}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>Ask a line lead to approve, or call the next certified operator.</source>
        <translation>Pida aprobación a un jefe de línea o llame a un operario certificado.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38"/>
        <source>{operator}&apos;s certification for {operation} expired on {expires}.</source>
        <translation>La certificación de {operator} para {operation} caducó el {expires}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41"/>
        <source>Ask a line lead to approve, and have the certification renewed.</source>
        <translation>Pida aprobación a un jefe de línea y renueve la certificación.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46"/>
        <source>Serial {serial} was already used.</source>
        <translation>La serie {serial} ya se usó.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47"/>
        <source>Check the label; scan the serial of a new unit.</source>
        <translation>Revise la etiqueta; escanee la serie de una unidad nueva.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50"/>
        <source>Wrong part: scanned {scanned}, this step needs {expected}.</source>
        <translation>Pieza incorrecta: escaneó {scanned}, este paso necesita {expected}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51"/>
        <source>Take {expected} from bin {bin} and scan again.</source>
        <translation>Tome {expected} de la caja {bin} y escanee de nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>{data} is not a label of {expected}.</source>
        <translation>{data} no es una etiqueta de {expected}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55"/>
        <source>Take {expected} from bin {bin} and scan its label.</source>
        <translation>Tome {expected} de la caja {bin} y escanee su etiqueta.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>{data} is not a badge, work order, unit or the part this step needs.</source>
        <translation>{data} no es una tarjeta, orden, unidad ni la pieza de este paso.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>Check the label and scan again.</source>
        <translation>Revise la etiqueta y escanee de nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64"/>
        <source>The station is locked.</source>
        <translation>El puesto está bloqueado.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>Scan your badge first.</source>
        <translation>Escanee primero su tarjeta.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="68"/>
        <source>Work order {work_order} is complete: {done} of {quantity} done.</source>
        <translation>La orden {work_order} está completa: {done} de {quantity} hechas.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>Pick the next work order, or ask a line lead to approve extra units.</source>
        <translation>Elija la siguiente orden o pida a un jefe de línea que apruebe unidades extra.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76"/>
        <source>Only a line lead&apos;s badge can approve this.</source>
        <translation>Solo la tarjeta de un jefe de línea puede aprobarlo.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77"/>
        <source>Ask the line lead to scan their badge.</source>
        <translation>Pida al jefe de línea que escanee su tarjeta.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>Step {step} is not done yet.</source>
        <translation>El paso {step} aún no está hecho.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>That is not a number.</source>
        <translation>Eso no es un número.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>Enter the reading with the keypad.</source>
        <translation>Introduzca la lectura con el teclado.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="85"/>
        <source>The value is outside the limits.</source>
        <translation>El valor está fuera de los límites.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Measure again, or choose what to do with the NOK.</source>
        <translation>Mida de nuevo o elija qué hacer con el NOK.</translation>
    </message>
</context>
<context>
    <name>NokPanel</name>
    <message>
        <location filename="../../ui/runner.py" line="508"/>
        <source>NOK: choose what happens next</source>
        <translation>NOK: elija qué hacer</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="514"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="515"/>
        <source>Rework</source>
        <translation>Retrabajo</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="516"/>
        <source>Scrap</source>
        <translation>Desechar</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="517"/>
        <source>Line lead</source>
        <translation>Jefe de línea</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner.py" line="531"/>
        <source>NOK: %n retries left</source>
        <translation>
            <numerusform>NOK: queda %n reintento</numerusform>
            <numerusform>NOK: quedan %n reintentos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="533"/>
        <source>NOK: no retries left</source>
        <translation>NOK: sin reintentos</translation>
    </message>
</context>
<context>
    <name>OrderCard</name>
    <message>
        <location filename="../../ui/screens.py" line="146"/>
        <source>Next to run</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="177"/>
        <source>Priority {0}</source>
        <translation>Prioridad {0}</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="181"/>
        <source>{0} of {1} done</source>
        <translation>{0} de {1} hechas</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="187"/>
        <source>Due {0}</source>
        <translation>Entrega {0}</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <location filename="../../ui/dialogs.py" line="65"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>Override</name>
    <message>
        <location filename="../../ui/dialogs.py" line="304"/>
        <source>Line lead approval</source>
        <translation>Aprobación del jefe de línea</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="313"/>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="331"/>
        <source>Line lead: scan your badge to approve.</source>
        <translation>Jefe de línea: escanee su tarjeta para aprobar.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="578"/>
        <source>Within drawing tolerance</source>
        <translation>Dentro de tolerancia del plano</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="579"/>
        <source>Engineering approval</source>
        <translation>Aprobación de ingeniería</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="580"/>
        <source>Retested OK</source>
        <translation>Reprobado OK</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="585"/>
        <source>A line lead can accept this NOK result.</source>
        <translation>Un jefe de línea puede aceptar este NOK.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="586"/>
        <source>The NOK stays in the record with the reason.</source>
        <translation>El NOK queda registrado con el motivo.</translation>
    </message>
</context>
<context>
    <name>PassFailAction</name>
    <message>
        <location filename="../../ui/runner.py" line="375"/>
        <location filename="../../ui/runner.py" line="398"/>
        <source>Pass</source>
        <translation>Pasa</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="376"/>
        <location filename="../../ui/runner.py" line="399"/>
        <source>Fail</source>
        <translation>Falla</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="391"/>
        <source>Did the check pass?</source>
        <translation>¿Pasó la prueba?</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="405"/>
        <source>Passed</source>
        <translation>Pasó</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="405"/>
        <source>Tap Next.</source>
        <translation>Toque Siguiente.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="407"/>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="409"/>
        <source>Tap Pass or Fail.</source>
        <translation>Toque Pasa o Falla.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <location filename="../../ui/dialogs.py" line="165"/>
        <source>Picture is wrong</source>
        <translation>La imagen está mal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="166"/>
        <source>Text is unclear</source>
        <translation>El texto no está claro</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="167"/>
        <source>Part does not fit</source>
        <translation>La pieza no encaja</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="168"/>
        <source>Tool problem</source>
        <translation>Problema de herramienta</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="176"/>
        <source>Thank you: the problem is reported.</source>
        <translation>Gracias: el problema está informado.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="177"/>
        <source>The engineer sees it with this step.</source>
        <translation>El ingeniero lo verá con este paso.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="183"/>
        <source>Report a problem with this step</source>
        <translation>Informar de un problema en este paso</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="184"/>
        <source>What is wrong with the instruction?</source>
        <translation>¿Qué está mal en la instrucción?</translation>
    </message>
</context>
<context>
    <name>QueueScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="223"/>
        <source>Work queue: tap a work order or scan its barcode</source>
        <translation>Órdenes: toque una orden o escanee su código</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="241"/>
        <source>Log out</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="243"/>
        <source>Downtime</source>
        <translation>Parada</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="234"/>
        <source>No work orders for this station.</source>
        <translation>No hay órdenes para este puesto.</translation>
    </message>
</context>
<context>
    <name>Rework</name>
    <message>
        <location filename="../../ui/dialogs.py" line="268"/>
        <source>Reassembled</source>
        <translation>Remontado</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="269"/>
        <source>Part replaced</source>
        <translation>Pieza cambiada</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="270"/>
        <source>Cleaned and re-seated</source>
        <translation>Limpiado y recolocado</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="271"/>
        <source>Other rework</source>
        <translation>Otro retrabajo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="281"/>
        <source>Rework</source>
        <translation>Retrabajo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="282"/>
        <source>What did you rework? The step is then done again.</source>
        <translation>¿Qué retrabajó? Luego se repite el paso.</translation>
    </message>
</context>
<context>
    <name>RunnerScreen</name>
    <message>
        <location filename="../../ui/runner.py" line="640"/>
        <source>Back</source>
        <extracomment>small landscape panels: the header takes one row, the keypad sits beside the value the side column&apos;s share of the width (landscape); 4:3 panels give it more</extracomment>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="645"/>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="647"/>
        <location filename="../../ui/runner.py" line="779"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="691"/>
        <source>Retry, rework, scrap, or ask a line lead.</source>
        <translation>Reintente, retrabaje, deseche o pregunte al jefe de línea.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner.py" line="695"/>
        <source>%n item(s) not ticked yet: tick each one.</source>
        <translation>
            <numerusform>Falta marcar %n punto: márquelo.</numerusform>
            <numerusform>Faltan marcar %n puntos: marque cada uno.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="700"/>
        <source>Scan the part this step needs.</source>
        <translation>Escanee la pieza que necesita este paso.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="701"/>
        <source>Enter the measured value and tap OK.</source>
        <translation>Introduzca el valor medido y toque OK.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="702"/>
        <source>Tap Pass or Fail.</source>
        <translation>Toque Pasa o Falla.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="703"/>
        <source>Tighten every fastening with the tool.</source>
        <translation>Apriete cada unión con la herramienta.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="704"/>
        <source>Have the sign-off badge scanned.</source>
        <translation>Haga escanear la tarjeta de la firma.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="705"/>
        <source>Complete the step.</source>
        <translation>Complete el paso.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="721"/>
        <source>Step {0} is not done yet</source>
        <translation>El paso {0} aún no está hecho</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="750"/>
        <source>Step {0} of {1}</source>
        <translation>Paso {0} de {1}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="779"/>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="805"/>
        <source>DANGER</source>
        <translation>PELIGRO</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="805"/>
        <source>WARNING</source>
        <translation>ADVERTENCIA</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="806"/>
        <source>CAUTION</source>
        <translation>PRECAUCIÓN</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="834"/>
        <source>over target</source>
        <translation>sobre objetivo</translation>
    </message>
</context>
<context>
    <name>ScanAction</name>
    <message>
        <location filename="../../ui/runner.py" line="221"/>
        <source>Scan {0} · {1}</source>
        <translation>Escanee {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="224"/>
        <source>Take it from bin {0}.</source>
        <translation>Tómela de la caja {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="227"/>
        <source>Scan the part&apos;s label</source>
        <translation>Escanee la etiqueta de la pieza</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="239"/>
        <source>Right part: {0}</source>
        <translation>Pieza correcta: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="240"/>
        <source>Tap Next.</source>
        <translation>Toque Siguiente.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="245"/>
        <source>Waiting for the scan…</source>
        <translation>Esperando el escaneo…</translation>
    </message>
</context>
<context>
    <name>Scrap</name>
    <message>
        <location filename="../../ui/dialogs.py" line="240"/>
        <source>Damaged part</source>
        <translation>Pieza dañada</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="241"/>
        <source>Assembly error</source>
        <translation>Error de montaje</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="242"/>
        <source>Failed test</source>
        <translation>Prueba fallida</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="243"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="256"/>
        <source>Scrap unit {0}</source>
        <translation>Desechar unidad {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="257"/>
        <source>The unit leaves the line. Pick the reason:</source>
        <translation>La unidad sale de la línea. Elija el motivo:</translation>
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
        <translation>El puesto no puede guardar ahora.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="515"/>
        <source>A tightening arrived, but no torque step is open.</source>
        <translation>Llegó un apriete, pero no hay un paso de apriete abierto.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="516"/>
        <source>It was not recorded. Go to the torque step first.</source>
        <translation>No se registró. Vaya primero al paso de apriete.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="557"/>
        <source>Scan your badge first.</source>
        <translation>Escanee primero su tarjeta.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="611"/>
        <source>Redo this step</source>
        <translation>Repetir este paso</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="612"/>
        <source>Report a problem</source>
        <translation>Informar de un problema</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="613"/>
        <source>Downtime</source>
        <translation>Parada</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="614"/>
        <source>Scrap unit</source>
        <translation>Desechar unidad</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="615"/>
        <source>Log out</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="631"/>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="632"/>
        <source>What do you want to do?</source>
        <translation>¿Qué quiere hacer?</translation>
    </message>
</context>
<context>
    <name>SignoffAction</name>
    <message>
        <location filename="../../ui/runner.py" line="484"/>
        <source>a quality inspector</source>
        <translation>un inspector de calidad</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="484"/>
        <source>a line lead</source>
        <translation>un jefe de línea</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="485"/>
        <source>Sign-off: {0} scans their badge</source>
        <translation>Firma: {0} escanea su tarjeta</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="489"/>
        <source>Signed by {0}</source>
        <translation>Firmado por {0}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="490"/>
        <source>Tap Next.</source>
        <translation>Toque Siguiente.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="495"/>
        <source>Waiting for the badge…</source>
        <translation>Esperando la tarjeta…</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../ui/screens.py" line="296"/>
        <source>Scan the unit&apos;s serial</source>
        <translation>Escanee el número de serie</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="297"/>
        <source>or take the next serial number from the station:</source>
        <translation>o use el siguiente número de serie del puesto:</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="309"/>
        <source>Work queue</source>
        <translation>Órdenes</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="311"/>
        <source>Downtime</source>
        <translation>Parada</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="324"/>
        <source>{0} · {1} · {2} of {3} done</source>
        <translation>{0} · {1} · {2} de {3} hechas</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="334"/>
        <source>Start next: {0}</source>
        <translation>Empezar: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="344"/>
        <source>Unit {0} done</source>
        <translation>Unidad {0} terminada</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="345"/>
        <source>Cycle time {0} · {1} of {2} done on {3}. Scan the next serial.</source>
        <translation>Tiempo de ciclo {0} · {1} de {2} hechas en {3}. Escanee la siguiente serie.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="352"/>
        <source>Unit {0} scrapped</source>
        <translation>Unidad {0} desechada</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="353"/>
        <source>Put it in the scrap bin. Scan the next serial.</source>
        <translation>Póngala en el contenedor de rechazo. Escanee la siguiente serie.</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/topbar.py" line="84"/>
        <location filename="../../ui/topbar.py" line="225"/>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="128"/>
        <source>Station</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="130"/>
        <source>Operator</source>
        <translation>Operario</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="130"/>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="136"/>
        <source>Work order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="141"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="233"/>
        <source>Scanner</source>
        <translation>Escáner</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="234"/>
        <source>Torque</source>
        <translation>Atornillador</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="241"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="245"/>
        <source>off</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="223"/>
        <source>Help called {0}</source>
        <translation>Ayuda llamada {0}</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="315"/>
        <source>Sync not set up</source>
        <translation>Sincr. no configurada</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="322"/>
        <source>Re-provision</source>
        <translation>Reconfigurar</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="327"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="333"/>
        <source>Re-provision needed · {0} queued</source>
        <translation>Volver a dar de alta · {0} en cola</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="339"/>
        <source>Offline since {0} · {1} queued</source>
        <translation>Sin conexión desde {0} · {1} en cola</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="345"/>
        <source>{0} queued</source>
        <translation>{0} en cola</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="347"/>
        <source>last sync {0}</source>
        <translation>última sincr. {0}</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="350"/>
        <source>Synced {0}</source>
        <translation>Sincronizado {0}</translation>
    </message>
    <message>
        <location filename="../../ui/topbar.py" line="354"/>
        <source>Sync starting…</source>
        <translation>Iniciando sincronización…</translation>
    </message>
</context>
<context>
    <name>TorqueAction</name>
    <message>
        <location filename="../../ui/runner.py" line="427"/>
        <source>Tighten {0} fastenings with the tool</source>
        <translation>Apriete {0} tornillos con la herramienta</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="430"/>
        <source>Program {0} · {1}–{2} Nm</source>
        <translation>Programa {0} · {1}–{2} Nm</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="442"/>
        <source>All {0} fastenings OK</source>
        <translation>Los {0} tornillos OK</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="442"/>
        <source>Tap Next.</source>
        <translation>Toque Siguiente.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="446"/>
        <source>Fastening NOK</source>
        <translation>Apriete NOK</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="451"/>
        <source>NOK {0} Nm: fastening {1}</source>
        <translation>NOK {0} Nm: unión {1}</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="465"/>
        <source>{0} Nm is below {1} Nm.</source>
        <translation>{0} Nm está por debajo de {1} Nm.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="467"/>
        <source>{0} Nm is above {1} Nm.</source>
        <translation>{0} Nm está por encima de {1} Nm.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="468"/>
        <source>The tool reported NOK.</source>
        <translation>La herramienta indicó NOK.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="452"/>
        <source>Loosen and tighten it again.</source>
        <translation>Aflójelo y apriételo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="457"/>
        <source>Tighten fastening {0} of {1}</source>
        <translation>Apriete el tornillo {0} de {1}</translation>
    </message>
</context>
</TS>
