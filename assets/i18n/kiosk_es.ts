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
        <location filename="../../ui/screens.py" line="81"/>
        <source>Scan your badge</source>
        <translation>Escanee su tarjeta</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="86"/>
        <source>Hold your badge under the scanner. No badge? Tap your name, then your PIN.</source>
        <translation>Ponga su tarjeta bajo el escáner. ¿Sin tarjeta? Toque su nombre y luego su PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="94"/>
        <source>Leave kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="104"/>
        <source>Not you?</source>
        <translation>¿No es usted?</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="130"/>
        <source>PIN: tap your name</source>
        <translation>PIN: toque su nombre</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="155"/>
        <source>Log in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="192"/>
        <source>No operator here has a PIN.</source>
        <translation>Aquí nadie tiene PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/screens.py" line="204"/>
        <source>PIN for %1</source>
        <translation>PIN de %1</translation>
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
<context>
    <name>EditorBridge</name>
    <message>
        <source>The bridge cannot be reached. Nothing was sent. Check the network or ask IT whether the bridge runs, then try again.</source>
        <translation>No se puede conectar con el puente. No se envió nada. Compruebe la red o pregunte a TI si el puente está en marcha y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The bridge answered with an error. Nothing was changed. Try again; if it persists, ask IT to look at the bridge's log.</source>
        <translation>El puente respondió con un error. No se cambió nada. Vuelva a intentarlo; si persiste, pida a TI que revise el registro del puente.</translation>
    </message>
    <message>
        <source>The bridge does not accept this editor's API key. Ask IT for a key (kiosk-bridge apikey add editor) and start the editor with it.</source>
        <translation>El puente no acepta la clave de API de este editor. Pida una clave a TI (kiosk-bridge apikey add editor) e inicie el editor con ella.</translation>
    </message>
    <message>
        <source>The editor has no API key for the bridge. Start it with --api-key-file.</source>
        <translation>El editor no tiene clave de API para el puente. Inícielo con --api-key-file.</translation>
    </message>
    <message>
        <source>Too many failed attempts from this computer. Wait a minute, then try again.</source>
        <translation>Demasiados intentos fallidos desde este equipo. Espere un minuto y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>That badge or user and PIN do not match anyone. Check the badge or user and type the PIN again.</source>
        <translation>Esa tarjeta o usuario y ese PIN no coinciden con nadie. Compruebe la tarjeta o el usuario y escriba el PIN de nuevo.</translation>
    </message>
    <message>
        <source>This PIN is locked after 5 wrong attempts. Ask an administrator to set a new PIN for this person.</source>
        <translation>Este PIN está bloqueado tras 5 intentos fallidos. Pida a un administrador que asigne un PIN nuevo a esta persona.</translation>
    </message>
    <message>
        <source>You wrote this revision, so you cannot approve it. A second person with the approver role signs it.</source>
        <translation>Usted escribió esta revisión, así que no puede aprobarla. La firma una segunda persona con el rol de aprobador.</translation>
    </message>
    <message>
        <source>This person does not hold the approver role. Ask a quality approver to sign.</source>
        <translation>Esta persona no tiene el rol de aprobador. Pida a un aprobador de calidad que firme.</translation>
    </message>
    <message>
        <source>A draft is never published. Have it approved first (Approve…), then publish.</source>
        <translation>Un borrador nunca se publica. Haga que lo aprueben primero (Aprobar…) y después publíquelo.</translation>
    </message>
    <message>
        <source>This revision is already signed. Only a draft is approved.</source>
        <translation>Esta revisión ya está firmada. Solo se aprueba un borrador.</translation>
    </message>
    <message>
        <source>The revision changed on the bridge after you read it. Nothing was signed. Reopen it from the bridge, read the changes and sign again.</source>
        <translation>La revisión cambió en el puente después de que usted la leyera. No se firmó nada. Vuelva a abrirla desde el puente, lea los cambios y firme de nuevo.</translation>
    </message>
    <message>
        <source>This revision is approved and is never changed. Use 'New draft from this revision' and save that draft.</source>
        <translation>Esta revisión está aprobada y nunca se modifica. Use 'Nuevo borrador a partir de esta revisión' y guarde ese borrador.</translation>
    </message>
    <message>
        <source>A newer revision is already approved. Use 'New draft from this revision' on the newest one.</source>
        <translation>Ya hay una revisión más reciente aprobada. Use 'Nuevo borrador a partir de esta revisión' sobre la más reciente.</translation>
    </message>
    <message>
        <source>The bridge found problems in this revision. Nothing was saved. Fix the problems listed below the preview.</source>
        <translation>El puente encontró problemas en esta revisión. No se guardó nada. Corrija los problemas listados bajo la vista previa.</translation>
    </message>
    <message>
        <source>Some pictures or files did not reach the bridge. Nothing was saved. Save the draft again.</source>
        <translation>Algunas imágenes o archivos no llegaron al puente. No se guardó nada. Guarde el borrador de nuevo.</translation>
    </message>
    <message>
        <source>A newer revision is already at the stations. This older one is not published.</source>
        <translation>Ya hay una revisión más reciente en las estaciones. Esta más antigua no se publica.</translation>
    </message>
    <message>
        <source>This revision is obsolete: a newer one replaced it.</source>
        <translation>Esta revisión está obsoleta: la sustituyó una más reciente.</translation>
    </message>
    <message>
        <source>The bridge does not hold that revision. Save the draft to the bridge first.</source>
        <translation>El puente no tiene esa revisión. Guarde primero el borrador en el puente.</translation>
    </message>
    <message>
        <source>Feedback is answered by a later revision of the same instruction. Make a new draft, save it to the bridge, then mark the feedback answered.</source>
        <translation>Los comentarios se responden con una revisión posterior de la misma instrucción. Cree un borrador nuevo, guárdelo en el puente y marque el comentario como respondido.</translation>
    </message>
    <message>
        <source>The bridge refused: nothing was changed. Read its reason below.</source>
        <translation>El puente lo rechazó: no se cambió nada. Lea su motivo debajo.</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>sin firmar</translation>
    </message>
    <message>
        <source>Badge or user</source>
        <translation>Tarjeta o usuario</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Open a revision from the bridge</source>
        <translation>Abrir una revisión desde el puente</translation>
    </message>
    <message>
        <source>Product (all)</source>
        <translation>Producto (todos)</translation>
    </message>
    <message>
        <source>Operation (all)</source>
        <translation>Operación (todas)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>{who}: “{meaning}”, {at}</source>
        <translation>{who}: «{meaning}», {at}</translation>
    </message>
    <message>
        <source>By signing you state that this revision, with exactly this content hash, is &lt;b&gt;approved for production&lt;/b&gt;. Your name, the meaning and the time are recorded with it.</source>
        <translation>Al firmar declara que esta revisión, con exactamente este hash de contenido, está &lt;b&gt;aprobada para producción&lt;/b&gt;. Su nombre, el significado y la hora quedan registrados con ella.</translation>
    </message>
    <message>
        <source>Sign: approved for production</source>
        <translation>Firmar: aprobada para producción</translation>
    </message>
    <message>
        <source>Operators' feedback</source>
        <translation>Comentarios de los operarios</translation>
    </message>
    <message>
        <source>Mark answered in this revision</source>
        <translation>Marcar como respondido en esta revisión</translation>
    </message>
    <message>
        <source>this step</source>
        <translation>este paso</translation>
    </message>
    <message>
        <source>this revision</source>
        <translation>esta revisión</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobadas</translation>
    </message>
    <message>
        <source>Obsolete</source>
        <translation>Obsoletas</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Product / operation</source>
        <translation>Producto / operación</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Escrita por</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Aprobación</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Choose a revision in the list, then Open.</source>
        <translation>Elija una revisión de la lista y pulse Abrir.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>approved in the package file by {who}</source>
        <translation>aprobada en el archivo del paquete por {who}</translation>
    </message>
    <message>
        <source>No revision of this operation was approved before: everything below is new.</source>
        <translation>No se aprobó antes ninguna revisión de esta operación: todo lo de abajo es nuevo.</translation>
    </message>
    <message>
        <source>Type your badge or user and your PIN to sign.</source>
        <translation>Escriba su tarjeta o usuario y su PIN para firmar.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>Approve {key}</source>
        <translation>Aprobar {key}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{key}&lt;/b&gt; — {product} {operation}, written by {author}.&lt;br&gt;Content hash: &lt;code&gt;{sha}&lt;/code&gt;</source>
        <translation>&lt;b&gt;{key}&lt;/b&gt; — {product} {operation}, escrita por {author}.&lt;br&gt;Hash de contenido: &lt;code&gt;{sha}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Operators' feedback on {where} ({key}): {n}</source>
        <translation>Comentarios de los operarios sobre {where} ({key}): {n}</translation>
    </message>
    <message>
        <source>Changes against {key}, the revision approved before it:</source>
        <translation>Cambios respecto a {key}, la revisión aprobada antes:</translation>
    </message>
    <message>
        <source>answered in {rev} by {who}</source>
        <translation>respondido en {rev} por {who}</translation>
    </message>
    <message>
        <source>{when} · {who} · unit {unit} · {station} · on {rev}, step {step}
{category}: {text}
{state}</source>
        <translation>{when} · {who} · unidad {unit} · {station} · en {rev}, paso {step}
{category}: {text}
{state}</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Puente</translation>
    </message>
    <message>
        <source>Save the draft to the bridge</source>
        <translation>Guardar el borrador en el puente</translation>
    </message>
    <message>
        <source>You are recorded as the author of this draft: your badge or user and PIN.</source>
        <translation>Quedará registrado como autor de este borrador: su tarjeta o usuario y su PIN.</translation>
    </message>
    <message>
        <source>Publish to the stations</source>
        <translation>Publicar en las estaciones</translation>
    </message>
    <message>
        <source>You are recorded as the person who published it.</source>
        <translation>Quedará registrado como la persona que la publicó.</translation>
    </message>
    <message>
        <source>Mark the feedback answered</source>
        <translation>Marcar el comentario como respondido</translation>
    </message>
    <message>
        <source>You are recorded as the author who answered.</source>
        <translation>Quedará registrado como el autor que respondió.</translation>
    </message>
    <message>
        <source>Open from bridge…</source>
        <translation>Abrir desde el puente…</translation>
    </message>
    <message>
        <source>Save draft to bridge</source>
        <translation>Guardar borrador en el puente</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Aprobar…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>This revision is approved and is never changed. Use 'New draft from this revision', then save the draft to the bridge.</source>
        <translation>Esta revisión está aprobada y nunca se modifica. Use 'Nuevo borrador a partir de esta revisión' y después guarde el borrador en el puente.</translation>
    </message>
    <message>
        <source>The revision on screen differs from the draft on the bridge. Save the draft to the bridge first, then approve it.</source>
        <translation>La revisión en pantalla no coincide con el borrador del puente. Guarde primero el borrador en el puente y después apruébelo.</translation>
    </message>
    <message>
        <source>The revision on screen has changes that are not on the bridge; they are not published. Save them as a new draft, or reopen the revision.</source>
        <translation>La revisión en pantalla tiene cambios que no están en el puente; no se publican. Guárdelos como un borrador nuevo o vuelva a abrir la revisión.</translation>
    </message>
    <message>
        <source>Bridge {url}: {key} is not on the bridge yet.</source>
        <translation>Puente {url}: {key} aún no está en el puente.</translation>
    </message>
    <message>
        <source>Bridge {url}: {key} is {status}, written by {author}; {approval}.</source>
        <translation>Puente {url}: {key} está {status}, escrita por {author}; {approval}.</translation>
    </message>
    <message>
        <source>Opened {key} from the bridge.</source>
        <translation>{key} abierta desde el puente.</translation>
    </message>
    <message>
        <source>Saved {key} to the bridge as a draft. Next: an approver who did not write it signs it (Approve…).</source>
        <translation>{key} guardada en el puente como borrador. Siguiente: un aprobador que no la escribió la firma (Aprobar…).</translation>
    </message>
    <message>
        <source>{key} is approved by {who}. Next: Publish sends it to the stations.</source>
        <translation>{key} está aprobada por {who}. Siguiente: Publicar la envía a las estaciones.</translation>
    </message>
    <message>
        <source>Published {key}: the stations take it on their next pull.</source>
        <translation>{key} publicada: las estaciones la toman en su próxima sincronización.</translation>
    </message>
    <message>
        <source>Marked answered in {key}.</source>
        <translation>Marcado como respondido en {key}.</translation>
    </message>
    <message>
        <source>Content hash: {sha}</source>
        <translation>Hash de contenido: {sha}</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: the revision has %n problems. Fix them (listed below the preview), then save the draft again.</source>
        <translation>
            <numerusform>No se envió nada: la revisión tiene %n problema. Corríjalo (listado bajo la vista previa) y guarde el borrador de nuevo.</numerusform>
            <numerusform>No se envió nada: la revisión tiene %n problemas. Corríjalos (listados bajo la vista previa) y guarde el borrador de nuevo.</numerusform>
        </translation>
    </message>
    <message>
        <source>{key} is not on the bridge. Save the draft to the bridge first.</source>
        <translation>{key} no está en el puente. Guarde primero el borrador en el puente.</translation>
    </message>
    <message>
        <source>At the stations since {at}.</source>
        <translation>En las estaciones desde {at}.</translation>
    </message>
    <message>
        <source>Replaced by {key}.</source>
        <translation>Sustituida por {key}.</translation>
    </message>
    <message>
        <source>A picture or file of this draft cannot be read on this computer. Nothing was saved. Drop the file onto its step again, then save.</source>
        <translation>Una imagen o un archivo de este borrador no se puede leer en este equipo. No se guardó nada. Vuelva a arrastrar el archivo a su paso y guarde.</translation>
    </message>
    <message>
        <source>A file is larger than the bridge takes (256 MiB for a picture or video). Nothing was saved. Make the file smaller, drop it again, then save.</source>
        <translation>Un archivo es más grande de lo que admite el puente (256 MiB por imagen o vídeo). No se guardó nada. Reduzca el archivo, arrástrelo de nuevo y guarde.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Saving and publishing as {user} (Sign out to change).</source>
        <translation>Guardando y publicando como {user} (Cerrar sesión para cambiar).</translation>
    </message>
    <message>
        <source>Signed out: the next save or publish asks who you are.</source>
        <translation>Sesión cerrada: al guardar o publicar de nuevo se le preguntará quién es.</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>New draft from this revision</source>
        <translation>Nuevo borrador a partir de esta revisión</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Comparar con…</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Añadir paso</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>new package</source>
        <translation>paquete nuevo</translation>
    </message>
    <message>
        <source>Save the package as</source>
        <translation>Guardar el paquete como</translation>
    </message>
    <message>
        <source>Package folder or .zip (*)</source>
        <translation>Carpeta del paquete o .zip (*)</translation>
    </message>
    <message>
        <source>Open a package folder</source>
        <translation>Abrir una carpeta de paquete</translation>
    </message>
    <message>
        <source>Compare with which package?</source>
        <translation>¿Comparar con qué paquete?</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message numerus="yes">
        <source>The preview shows the last valid state: fix %n problems to update it.</source>
        <translation>
            <numerusform>La vista previa muestra el último estado válido: corrija %n problema para actualizarla.</numerusform>
            <numerusform>La vista previa muestra el último estado válido: corrija %n problemas para actualizarla.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>Document: {id} revision {rev}</source>
        <translation>Documento: {id} revisión {rev}</translation>
    </message>
    <message>
        <source>Missing translations</source>
        <translation>Faltan traducciones</translation>
    </message>
    <message>
        <source>{name}: a station shows pictures (.jpg, .png, .webp), videos (.mp4, .webm) and drawings (.pdf). Convert the file to one of these.</source>
        <translation>{name}: una estación muestra imágenes (.jpg, .png, .webp), vídeos (.mp4, .webm) y planos (.pdf). Convierta el archivo a uno de estos formatos.</translation>
    </message>
    <message>
        <source>✔ No problems: this package is valid.</source>
        <translation>✔ Sin problemas: este paquete es válido.</translation>
    </message>
    <message>
        <source>The preview appears once the package is valid.</source>
        <translation>La vista previa aparece en cuanto el paquete es válido.</translation>
    </message>
    <message>
        <source>Step {n} as the station shows it at {w}×{h}, {lang}.</source>
        <translation>Paso {n} tal como lo muestra la estación a {w}×{h}, {lang}.</translation>
    </message>
    <message>
        <source>An approved revision is never edited in place. Use 'New draft from this revision' and save the draft.</source>
        <translation>Una revisión aprobada nunca se modifica directamente. Use 'Nuevo borrador a partir de esta revisión' y guarde el borrador.</translation>
    </message>
    <message>
        <source>{id} revision {rev} ({status}) — {where} — Instruction editor</source>
        <translation>{id} revisión {rev} ({status}) — {where} — Editor de instrucciones</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was written: the package has %n problems.</source>
        <translation>
            <numerusform>No se escribió nada: el paquete tiene %n problema.</numerusform>
            <numerusform>No se escribió nada: el paquete tiene %n problemas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado {path}</translation>
    </message>
    <message>
        <source>The preview failed: {err}</source>
        <translation>La vista previa falló: {err}</translation>
    </message>
    <message>
        <source>Cannot write: {err}</source>
        <translation>No se puede escribir: {err}</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Instruction text</source>
        <translation>Texto de la instrucción</translation>
    </message>
    <message>
        <source>Required step</source>
        <translation>Paso obligatorio</translation>
    </message>
    <message>
        <source>Safety warnings</source>
        <translation>Avisos de seguridad</translation>
    </message>
    <message>
        <source>Pictures, videos, drawings</source>
        <translation>Imágenes, vídeos, planos</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>Puntos de la lista</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Component (part number)</source>
        <translation>Componente (número de pieza)</translation>
    </message>
    <message>
        <source>Or: code pattern (regex)</source>
        <translation>O bien: patrón del código (regex)</translation>
    </message>
    <message>
        <source>GTIN (GS1 AI 01)</source>
        <translation>GTIN (GS1 AI 01)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>Decimales</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>Valor nominal</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>Límite inferior</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>Límite superior</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>When NOK, the operator may</source>
        <translation>Si es NOK, el operario puede</translation>
    </message>
    <message>
        <source>Retries allowed</source>
        <translation>Reintentos permitidos</translation>
    </message>
    <message>
        <source>Tool program (pset)</source>
        <translation>Programa de la herramienta (pset)</translation>
    </message>
    <message>
        <source>Fastenings</source>
        <translation>Aprietes</translation>
    </message>
    <message>
        <source>Torque min (N·m)</source>
        <translation>Par mín. (N·m)</translation>
    </message>
    <message>
        <source>Torque max (N·m)</source>
        <translation>Par máx. (N·m)</translation>
    </message>
    <message>
        <source>Torque unit</source>
        <translation>Unidad de par</translation>
    </message>
    <message>
        <source>Angle min (°)</source>
        <translation>Ángulo mín. (°)</translation>
    </message>
    <message>
        <source>Angle max (°)</source>
        <translation>Ángulo máx. (°)</translation>
    </message>
    <message>
        <source>Signed by role</source>
        <translation>Firma el rol</translation>
    </message>
    <message>
        <source>Meaning of the signature</source>
        <translation>Significado de la firma</translation>
    </message>
    <message>
        <source>Signer must not be the operator</source>
        <translation>El firmante no puede ser el operario</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Icon</source>
        <translation>Icono</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Pie de foto</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>Standard time (s)</source>
        <translation>Tiempo estándar (s)</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>Idioma predeterminado</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Aprobado por</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>Aprobado el</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>Nota de cambio</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Trazabilidad</translation>
    </message>
    <message>
        <source>Scan pattern (regex)</source>
        <translation>Patrón de escaneo (regex)</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>Components (bill of materials)</source>
        <translation>Componentes (lista de materiales)</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Instrucción</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de control</translation>
    </message>
    <message>
        <source>Scan a part</source>
        <translation>Escanear una pieza</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Medición</translation>
    </message>
    <message>
        <source>Pass / fail</source>
        <translation>OK / NOK</translation>
    </message>
    <message>
        <source>Torque</source>
        <translation>Apriete</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>not tracked</source>
        <translation>sin trazabilidad</translation>
    </message>
    <message>
        <source>by lot</source>
        <translation>por lote</translation>
    </message>
    <message>
        <source>by serial number</source>
        <translation>por número de serie</translation>
    </message>
    <message>
        <source>caution</source>
        <translation>precaución</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>advertencia</translation>
    </message>
    <message>
        <source>danger</source>
        <translation>peligro</translation>
    </message>
    <message>
        <source>gloves</source>
        <translation>guantes</translation>
    </message>
    <message>
        <source>safety goggles</source>
        <translation>gafas de protección</translation>
    </message>
    <message>
        <source>hot surface</source>
        <translation>superficie caliente</translation>
    </message>
    <message>
        <source>sharp edges</source>
        <translation>bordes cortantes</translation>
    </message>
    <message>
        <source>electric shock</source>
        <translation>descarga eléctrica</translation>
    </message>
    <message>
        <source>ESD-sensitive</source>
        <translation>sensible a ESD</translation>
    </message>
    <message>
        <source>heavy load</source>
        <translation>carga pesada</translation>
    </message>
    <message>
        <source>information</source>
        <translation>información</translation>
    </message>
    <message>
        <source>retry</source>
        <translation>repetir</translation>
    </message>
    <message>
        <source>rework</source>
        <translation>retrabajar</translation>
    </message>
    <message>
        <source>scrap</source>
        <translation>desechar</translation>
    </message>
    <message>
        <source>override</source>
        <translation>pedir autorización</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operario</translation>
    </message>
    <message>
        <source>line lead</source>
        <translation>jefe de línea</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>calidad</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <source>obsolete</source>
        <translation>obsoleta</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Drop pictures (.jpg .png .webp), videos (.mp4 .webm) or PDFs here.</source>
        <translation>Arrastre aquí imágenes (.jpg .png .webp), vídeos (.mp4 .webm) o PDF.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>default language</source>
        <translation>idioma predeterminado</translation>
    </message>
    <message>
        <source>Revision {rev} · {status}</source>
        <translation>Revisión {rev} · {status}</translation>
    </message>
    <message>
        <source>missing translation</source>
        <translation>falta la traducción</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>added</source>
        <translation>añadido</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>movido</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>cambiado</translation>
    </message>
    <message numerus="yes">
        <source>%n steps added</source>
        <translation>
            <numerusform>%n paso añadido</numerusform>
            <numerusform>%n pasos añadidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n eliminado</numerusform>
            <numerusform>%n eliminados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n movido</numerusform>
            <numerusform>%n movidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n cambiado</numerusform>
            <numerusform>%n cambiados</numerusform>
        </translation>
    </message>
    <message>
        <source>The two revisions are the same.</source>
        <translation>Las dos revisiones son iguales.</translation>
    </message>
    <message>
        <source>Revision {a} → {b}</source>
        <translation>Revisión {a} → {b}</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Revision {a} → {b}: {steps}; {components}.</source>
        <translation>Revisión {a} → {b}: {steps}; {components}.</translation>
    </message>
    <message numerus="yes">
        <source>%n component changes</source>
        <translation>
            <numerusform>%n cambio de componente</numerusform>
            <numerusform>%n cambios de componentes</numerusform>
        </translation>
    </message>
    <message>
        <source>Component {part}</source>
        <translation>Componente {part}</translation>
    </message>
    <message>
        <source>Step {where} · {title} ({id})</source>
        <translation>Paso {where} · {title} ({id})</translation>
    </message>
    <message>
        <source>{name}: unknown media type.</source>
        <translation>{name}: tipo de medio desconocido.</translation>
    </message>
    <message>
        <source>{name} is not a picture Qt can open ({why}). Save it as JPEG or PNG.</source>
        <translation>{name} no es una imagen que Qt pueda abrir ({why}). Guárdela como JPEG o PNG.</translation>
    </message>
    <message>
        <source>PDF drawings cannot be checked on this machine ({why}).</source>
        <translation>Los planos PDF no se pueden comprobar en este equipo ({why}).</translation>
    </message>
    <message>
        <source>{name} does not open as a PDF ({why}). Export the drawing again.</source>
        <translation>{name} no se abre como PDF ({why}). Exporte el plano de nuevo.</translation>
    </message>
    <message>
        <source>Videos cannot be checked on this machine ({why}).</source>
        <translation>Los vídeos no se pueden comprobar en este equipo ({why}).</translation>
    </message>
    <message>
        <source>cannot be played</source>
        <translation>no se puede reproducir</translation>
    </message>
    <message>
        <source>{name} did not open as a video within {s} s. Encode it as H.264 MP4.</source>
        <translation>{name} no se abrió como vídeo en {s} s. Codifíquelo como MP4 H.264.</translation>
    </message>
    <message>
        <source>{name} cannot be played ({why}). Encode it as H.264 MP4.</source>
        <translation>{name} no se puede reproducir ({why}). Codifíquelo como MP4 H.264.</translation>
    </message>
    <message>
        <source>{name} holds no video track. Encode it as H.264 MP4.</source>
        <translation>{name} no contiene pista de vídeo. Codifíquelo como MP4 H.264.</translation>
    </message>
    <message>
        <source>invalid media</source>
        <translation>medio no válido</translation>
    </message>
    <message>
        <source>The draft has no steps yet.</source>
        <translation>El borrador aún no tiene pasos.</translation>
    </message>
    <message>
        <source>Add a step.</source>
        <translation>Añada un paso.</translation>
    </message>
    <message>
        <source>Check the steps before it.</source>
        <translation>Revise los pasos anteriores.</translation>
    </message>
    <message>
        <source>The preview could not reach step {n}.</source>
        <translation>La vista previa no pudo llegar al paso {n}.</translation>
    </message>
</context>
</TS>
