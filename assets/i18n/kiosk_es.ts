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
        <source>%n items not ticked yet: tick each one.</source>
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
    <message>
        <source>No sync</source>
        <translation>Sin sinc.</translation>
    </message>
</context>
<context>
    <name>TorqueAction</name>
    <message numerus="yes">
        <location filename="../../ui/runner.py" line="427"/>
        <source>Tighten %n fastenings with the tool</source>
        <translation>
            <numerusform>Apriete %n tornillo con la herramienta</numerusform>
            <numerusform>Apriete %n tornillos con la herramienta</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/runner.py" line="430"/>
        <source>Program {0} · {1}–{2} Nm</source>
        <translation>Programa {0} · {1}–{2} Nm</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner.py" line="442"/>
        <source>All %n fastenings OK</source>
        <translation>
            <numerusform>%n tornillo OK</numerusform>
            <numerusform>Los %n tornillos OK</numerusform>
        </translation>
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
<context>
    <name>LineLead</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Sync health</source>
        <translation>Estado de sincronización</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Bridge connection</source>
        <translation>Conexión al puente</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Only a line lead or an admin can open line-lead mode.</source>
        <translation>Solo un jefe de línea o un administrador puede abrir el modo jefe de línea.</translation>
    </message>
    <message>
        <source>Ask the line lead to scan their badge.</source>
        <translation>Pida al jefe de línea que escanee su tarjeta.</translation>
    </message>
    <message>
        <source>A dead letter is only discarded with a reason.</source>
        <translation>Un evento rechazado solo se descarta con un motivo.</translation>
    </message>
    <message>
        <source>Pick why it is discarded.</source>
        <translation>Elija el motivo.</translation>
    </message>
    <message>
        <source>That event is not a dead letter any more.</source>
        <translation>Ese evento ya no está rechazado.</translation>
    </message>
    <message>
        <source>The list is refreshed; look again.</source>
        <translation>La lista se ha actualizado; vuelva a mirar.</translation>
    </message>
    <message>
        <source>This station runs without a configuration file: nothing can be saved here.</source>
        <translation>Esta estación funciona sin archivo de configuración: aquí no se puede guardar nada.</translation>
    </message>
    <message>
        <source>Ask IT to provision the station (kiosk provision).</source>
        <translation>Pida a TI que aprovisione la estación (kiosk provision).</translation>
    </message>
    <message>
        <source>The configuration file on disk is damaged: nothing was saved.</source>
        <translation>El archivo de configuración está dañado: no se guardó nada.</translation>
    </message>
    <message>
        <source>The configuration file cannot be written: nothing was saved.</source>
        <translation>No se puede escribir el archivo de configuración: no se guardó nada.</translation>
    </message>
    <message>
        <source>These settings would not start the station: nothing was saved.</source>
        <translation>Con estos ajustes la estación no arrancaría: no se guardó nada.</translation>
    </message>
    <message>
        <source>That PIN is not a line lead's.</source>
        <translation>Ese PIN no es de un jefe de línea.</translation>
    </message>
    <message>
        <source>Scan your badge and enter your PIN again.</source>
        <translation>Escanee su tarjeta e introduzca de nuevo su PIN.</translation>
    </message>
    <message>
        <source>Line-lead mode</source>
        <translation>Modo jefe de línea</translation>
    </message>
    <message>
        <source>1. Line lead: scan your badge.</source>
        <translation>1. Jefe de línea: escanee su tarjeta.</translation>
    </message>
    <message>
        <source>2. Enter your PIN. (Scanner broken? The PIN alone works.)</source>
        <translation>2. Introduzca su PIN. (¿Escáner averiado? Basta con el PIN.)</translation>
    </message>
    <message>
        <source>Badge scanned. ✓</source>
        <translation>Tarjeta escaneada. ✓</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Retry all dead letters</source>
        <translation>Reenviar todos los rechazados</translation>
    </message>
    <message>
        <source>They go with the next sync.</source>
        <translation>Se envían con la próxima sincronización.</translation>
    </message>
    <message>
        <source>The reason is recorded.</source>
        <translation>El motivo queda registrado.</translation>
    </message>
    <message>
        <source>Program (pset)</source>
        <translation>Programa (pset)</translation>
    </message>
    <message>
        <source>Select program</source>
        <translation>Elegir programa</translation>
    </message>
    <message>
        <source>Enable tool</source>
        <translation>Habilitar herramienta</translation>
    </message>
    <message>
        <source>Disable tool</source>
        <translation>Bloquear herramienta</translation>
    </message>
    <message>
        <source>New device</source>
        <translation>Dispositivo nuevo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Port or address</source>
        <translation>Puerto o dirección</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Velocidad (baudios)</translation>
    </message>
    <message>
        <source>Terminator (scanner)</source>
        <translation>Terminador (escáner)</translation>
    </message>
    <message>
        <source>Parity (scanner)</source>
        <translation>Paridad (escáner)</translation>
    </message>
    <message>
        <source>Data bits (scanner)</source>
        <translation>Bits de datos (escáner)</translation>
    </message>
    <message>
        <source>Encoding (scanner)</source>
        <translation>Codificación (escáner)</translation>
    </message>
    <message>
        <source>Protocol (torque tool)</source>
        <translation>Protocolo (atornillador)</translation>
    </message>
    <message>
        <source>Open Protocol profile</source>
        <translation>Perfil Open Protocol</translation>
    </message>
    <message>
        <source>Open Protocol revision</source>
        <translation>Revisión Open Protocol</translation>
    </message>
    <message>
        <source>Save device</source>
        <translation>Guardar dispositivo</translation>
    </message>
    <message>
        <source>Start live test</source>
        <translation>Iniciar prueba en vivo</translation>
    </message>
    <message>
        <source>Stop live test</source>
        <translation>Detener prueba en vivo</translation>
    </message>
    <message>
        <source>Scan a code or run the tool: each read appears below.</source>
        <translation>Escanee un código o use la herramienta: cada lectura aparece abajo.</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>válida</translation>
    </message>
    <message>
        <source>expires soon</source>
        <translation>caduca pronto</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducada</translation>
    </message>
    <message>
        <source>Recorded with your name.</source>
        <translation>Registrado con su nombre.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Language default</source>
        <translation>Idioma por defecto</translation>
    </message>
    <message>
        <source>Idle lock after</source>
        <translation>Bloqueo por inactividad tras</translation>
    </message>
    <message>
        <source>Save station settings</source>
        <translation>Guardar ajustes de la estación</translation>
    </message>
    <message>
        <source>none assigned</source>
        <translation>ninguna asignada</translation>
    </message>
    <message>
        <source>Bridge URL</source>
        <translation>URL del puente</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Archivo de token</translation>
    </message>
    <message>
        <source>CA file (empty: the system's trust)</source>
        <translation>Archivo CA (vacío: confianza del sistema)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Save bridge settings</source>
        <translation>Guardar ajustes del puente</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Write diagnostics bundle</source>
        <translation>Escribir paquete de diagnóstico</translation>
    </message>
    <message>
        <source>Diagnostics written.</source>
        <translation>Diagnóstico escrito.</translation>
    </message>
    <message>
        <source>Leave line-lead mode</source>
        <translation>Salir del modo jefe de línea</translation>
    </message>
    <message>
        <source>Scans are not used for work in line-lead mode. Leave it to go on.</source>
        <translation>En el modo jefe de línea los escaneos no se usan para el trabajo. Salga para continuar.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>space</source>
        <translation>espacio</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>No ha cambiado nada.</translation>
    </message>
    <message>
        <source>Recorded with your name. The station uses them from its next start.</source>
        <translation>Registrado con su nombre. La estación los usa desde el próximo arranque.</translation>
    </message>
    <message>
        <source>in sync, waiting for the next cycle</source>
        <translation>sincronizada, esperando el próximo ciclo</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>sincronizando</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>the bridge refuses this station's token</source>
        <translation>el puente rechaza el token de esta estación</translation>
    </message>
    <message>
        <source>not set up (no bridge)</source>
        <translation>sin configurar (sin puente)</translation>
    </message>
    <message>
        <source>sync not running</source>
        <translation>la sincronización no está en marcha</translation>
    </message>
    <message>
        <source>disk full</source>
        <translation>disco lleno</translation>
    </message>
    <message>
        <source>Dead letters (events the bridge refused)</source>
        <translation>Eventos rechazados (por el puente)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Último éxito</translation>
    </message>
    <message>
        <source>Offline since</source>
        <translation>Sin conexión desde</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>Desfase del reloj</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Rechazados</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Descartar…</translation>
    </message>
    <message>
        <source>Sync started.</source>
        <translation>Sincronización iniciada.</translation>
    </message>
    <message>
        <source>The figures update when it is done.</source>
        <translation>Las cifras se actualizan al terminar.</translation>
    </message>
    <message>
        <source>Live test</source>
        <translation>Prueba en vivo</translation>
    </message>
    <message>
        <source>Configured devices</source>
        <translation>Dispositivos configurados</translation>
    </message>
    <message>
        <source>Serial ports on this PC</source>
        <translation>Puertos serie de este PC</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Use this port</source>
        <translation>Usar este puerto</translation>
    </message>
    <message>
        <source>Not saved: some fields need a correction.</source>
        <translation>No guardado: hay campos que corregir.</translation>
    </message>
    <message>
        <source>Saved, but a device could not be started.</source>
        <translation>Guardado, pero un dispositivo no pudo arrancar.</translation>
    </message>
    <message>
        <source>Saved and applied: the station uses these devices now.</source>
        <translation>Guardado y aplicado: la estación usa ya estos dispositivos.</translation>
    </message>
    <message>
        <source>Correct the marked fields first.</source>
        <translation>Corrija primero los campos marcados.</translation>
    </message>
    <message>
        <source>Live tests need the station's devices (kiosk run).</source>
        <translation>Las pruebas en vivo necesitan los dispositivos de la estación (kiosk run).</translation>
    </message>
    <message>
        <source>A program is a number 0…999.</source>
        <translation>Un programa es un número 0…999.</translation>
    </message>
    <message>
        <source>Start the live test first.</source>
        <translation>Inicie primero la prueba en vivo.</translation>
    </message>
    <message>
        <source>Operators on this shift</source>
        <translation>Operarios de este turno</translation>
    </message>
    <message>
        <source>The station id is bound to its token: IT changes it by re-provisioning.</source>
        <translation>El id de la estación va ligado a su token: TI lo cambia al reaprovisionar.</translation>
    </message>
    <message>
        <source>Operations and work orders (from the ERP)</source>
        <translation>Operaciones y órdenes (del ERP)</translation>
    </message>
    <message>
        <source>Clock skew: not measured yet.</source>
        <translation>Desfase del reloj: aún sin medir.</translation>
    </message>
    <message>
        <source>This station cannot reach a bridge from here.</source>
        <translation>Esta estación no puede llegar a un puente desde aquí.</translation>
    </message>
    <message>
        <source>A zip for IT: logs, a database backup, the settings without secrets, device and sync status.</source>
        <translation>Un zip para TI: registros, una copia de la base de datos, los ajustes sin secretos, estado de dispositivos y sincronización.</translation>
    </message>
    <message>
        <source>Diagnostics need the running station (kiosk run).</source>
        <translation>El diagnóstico necesita la estación en marcha (kiosk run).</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>aún sin medir</translation>
    </message>
    <message>
        <source>Free disk</source>
        <translation>Disco libre</translation>
    </message>
    <message>
        <source>No dead letters: nothing is stuck.</source>
        <translation>Ningún evento rechazado: nada está atascado.</translation>
    </message>
    <message>
        <source>Why is it discarded? (recorded with your name)</source>
        <translation>¿Por qué se descarta? (se registra con su nombre)</translation>
    </message>
    <message>
        <source>Discard for good</source>
        <translation>Descartar definitivamente</translation>
    </message>
    <message numerus="yes">
        <source>%n events queued again.</source>
        <translation>
            <numerusform>%n evento de nuevo en la cola.</numerusform>
            <numerusform>%n eventos de nuevo en la cola.</numerusform>
        </translation>
    </message>
    <message>
        <source>Event {0} discarded.</source>
        <translation>Evento {0} descartado.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>even</source>
        <translation>par</translation>
    </message>
    <message>
        <source>odd</source>
        <translation>impar</translation>
    </message>
    <message>
        <source>No device is configured yet.</source>
        <translation>Aún no hay ningún dispositivo configurado.</translation>
    </message>
    <message>
        <source>Remove for good</source>
        <translation>Quitar definitivamente</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>No serial port found. Plug the device in, or type its address.</source>
        <translation>No se encontró ningún puerto serie. Conecte el dispositivo o escriba su dirección.</translation>
    </message>
    <message>
        <source>Live test running on {0}.</source>
        <translation>Prueba en vivo en {0}.</translation>
    </message>
    <message>
        <source>Nothing has arrived yet.</source>
        <translation>Aún no ha llegado nada.</translation>
    </message>
    <message>
        <source>Nobody has logged in on this shift yet.</source>
        <translation>Nadie ha iniciado sesión en este turno todavía.</translation>
    </message>
    <message>
        <source>Unlock PIN</source>
        <translation>Desbloquear PIN</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>sin fecha de fin</translation>
    </message>
    <message>
        <source>The PIN of {0} is unlocked.</source>
        <translation>El PIN de {0} está desbloqueado.</translation>
    </message>
    <message>
        <source>Station {0}</source>
        <translation>Estación {0}</translation>
    </message>
    <message>
        <source>Operations: {0}</source>
        <translation>Operaciones: {0}</translation>
    </message>
    <message>
        <source>No work order is assigned to this station.</source>
        <translation>No hay ninguna orden asignada a esta estación.</translation>
    </message>
    <message>
        <source>No USB stick found: plug one in, or type a folder.</source>
        <translation>No se encontró ninguna memoria USB: conecte una o escriba una carpeta.</translation>
    </message>
    <message>
        <source>USB sticks found (tap one):</source>
        <translation>Memorias USB encontradas (toque una):</translation>
    </message>
    <message>
        <source>The bundle was not written.</source>
        <translation>El paquete no se escribió.</translation>
    </message>
    <message>
        <source>Line-lead mode · {0}</source>
        <translation>Modo jefe de línea · {0}</translation>
    </message>
    <message>
        <source>The configuration file is damaged; nothing can be saved until it is fixed.</source>
        <translation>El archivo de configuración está dañado; no se puede guardar nada hasta repararlo.</translation>
    </message>
    <message>
        <source>Read: {0}</source>
        <translation>Leído: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n settings changed.</source>
        <translation>
            <numerusform>Guardado: %n ajuste cambiado.</numerusform>
            <numerusform>Guardado: %n ajustes cambiados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events waiting</source>
        <translation>
            <numerusform>%n evento en espera</numerusform>
            <numerusform>%n eventos en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick why it is discarded; nothing was discarded.</source>
        <translation>Elija por qué se descarta; no se ha descartado nada.</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>Device {0}</source>
        <translation>Dispositivo {0}</translation>
    </message>
    <message>
        <source>Unreadable bytes arrived: the serial settings (baud rate, parity, data bits) do not match the device's.</source>
        <translation>Llegaron bytes ilegibles: los ajustes serie (baudios, paridad, bits de datos) no coinciden con los del dispositivo.</translation>
    </message>
    <message>
        <source>Tool enable requested.</source>
        <translation>Habilitación de la herramienta solicitada.</translation>
    </message>
    <message>
        <source>Tool disable requested.</source>
        <translation>Bloqueo de la herramienta solicitado.</translation>
    </message>
    <message>
        <source>last log-in {0}</source>
        <translation>último inicio de sesión {0}</translation>
    </message>
    <message>
        <source>PIN locked after wrong tries.</source>
        <translation>PIN bloqueado tras intentos fallidos.</translation>
    </message>
    <message>
        <source>No certification on record.</source>
        <translation>Ninguna certificación registrada.</translation>
    </message>
    <message>
        <source>Clock skew at the last sync: {0:+.1f} s</source>
        <translation>Desfase del reloj en la última sincronización: {0:+.1f} s</translation>
    </message>
    <message>
        <source>{0:+.1f} s against the bridge</source>
        <translation>{0:+.1f} s respecto al puente</translation>
    </message>
    <message>
        <source>Refused: {0}</source>
        <translation>Rechazado: {0}</translation>
    </message>
    <message>
        <source>Program {0} requested.</source>
        <translation>Programa {0} solicitado.</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>cantidad</translation>
    </message>
    <message>
        <source>The ERP already has this record</source>
        <translation>El ERP ya tiene este registro</translation>
    </message>
    <message>
        <source>Test or training data</source>
        <translation>Datos de prueba o formación</translation>
    </message>
    <message>
        <source>Booked by hand in the ERP</source>
        <translation>Registrado a mano en el ERP</translation>
    </message>
    <message>
        <source>Wrong data, recorded again correctly</source>
        <translation>Datos erróneos, registrados de nuevo correctamente</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Escáner</translation>
    </message>
    <message>
        <source>Torque tool</source>
        <translation>Atornillador</translation>
    </message>
    <message>
        <source>The station needs a name.</source>
        <translation>La estación necesita un nombre.</translation>
    </message>
    <message>
        <source>A line name has at most 64 characters.</source>
        <translation>Un nombre de línea tiene como máximo 64 caracteres.</translation>
    </message>
    <message>
        <source>The idle lock must be between 30 seconds and one hour.</source>
        <translation>El bloqueo por inactividad debe estar entre 30 segundos y una hora.</translation>
    </message>
    <message>
        <source>A device is a scanner or a torque tool.</source>
        <translation>Un dispositivo es un escáner o un atornillador.</translation>
    </message>
    <message>
        <source>A station name has at most 64 characters.</source>
        <translation>Un nombre de estación tiene como máximo 64 caracteres.</translation>
    </message>
    <message>
        <source>The station needs its token file.</source>
        <translation>La estación necesita su archivo de token.</translation>
    </message>
    <message>
        <source>Pick a baud rate the device supports (9600 is common).</source>
        <translation>Elija una velocidad que admita el dispositivo (9600 es lo habitual).</translation>
    </message>
    <message>
        <source>Data bits are 5, 6, 7 or 8.</source>
        <translation>Los bits de datos son 5, 6, 7 u 8.</translation>
    </message>
    <message>
        <source>Parity is N, E, O, M or S.</source>
        <translation>La paridad es N, E, O, M o S.</translation>
    </message>
    <message>
        <source>Stop bits are 1, 1.5 or 2.</source>
        <translation>Los bits de parada son 1, 1,5 o 2.</translation>
    </message>
    <message>
        <source>The terminator is CR, LF, CR LF, Tab or none.</source>
        <translation>El terminador es CR, LF, CR LF, Tab o ninguno.</translation>
    </message>
    <message>
        <source>The encoding is latin-1 or utf-8.</source>
        <translation>La codificación es latin-1 o utf-8.</translation>
    </message>
    <message>
        <source>The idle gap is 5…5000 ms.</source>
        <translation>La pausa es de 5…5000 ms.</translation>
    </message>
    <message>
        <source>The protocol is Open Protocol or ASCII.</source>
        <translation>El protocolo es Open Protocol o ASCII.</translation>
    </message>
    <message>
        <source>The profile is standard, atlas-copco, legacy or rev1-as-rev2.</source>
        <translation>El perfil es standard, atlas-copco, legacy o rev1-as-rev2.</translation>
    </message>
    <message>
        <source>The Open Protocol revision is 1…9.</source>
        <translation>La revisión de Open Protocol es 1…9.</translation>
    </message>
    <message>
        <source>A program (pset) is 0…999.</source>
        <translation>Un programa (pset) es 0…999.</translation>
    </message>
</context>
</TS>
