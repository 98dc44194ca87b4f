<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Refusals</name>
    <message>
        <source>The station is locked.</source>
        <translation>La estación está bloqueada.</translation>
    </message>
    <message>
        <source>Scan your badge to log in.</source>
        <translation>Escanee su tarjeta para iniciar sesión.</translation>
    </message>
    <message>
        <source>Badge {badge} is not known at this station.</source>
        <translation>La tarjeta {badge} no se conoce en esta estación.</translation>
    </message>
    <message>
        <source>Scan your own badge, or ask the line lead to register it.</source>
        <translation>Escanee su propia tarjeta o pida al jefe de línea que la registre.</translation>
    </message>
    <message>
        <source>Enter your PIN again. Tries left before it locks: {tries_left}.</source>
        <translation>Introduzca su PIN de nuevo. Intentos antes del bloqueo: {tries_left}.</translation>
    </message>
    <message>
        <source>The PIN of {operator} is locked after {failures} wrong tries.</source>
        <translation>El PIN de {operator} está bloqueado tras {failures} intentos fallidos.</translation>
    </message>
    <message>
        <source>Ask the line lead to unlock it (their badge), or scan your badge.</source>
        <translation>Pida al jefe de línea que lo desbloquee (con su tarjeta) o escanee su tarjeta.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ese PIN no es correcto.</translation>
    </message>
    <message>
        <source>Enter your PIN again or scan your badge.</source>
        <translation>Introduzca su PIN de nuevo o escanee su tarjeta.</translation>
    </message>
    <message>
        <source>{operator} is not certified for operation {operation}.</source>
        <translation>{operator} no está certificado para la operación {operation}.</translation>
    </message>
    <message>
        <source>Ask a line lead to approve, or call the next certified operator.</source>
        <translation>Pida la aprobación a un jefe de línea o llame al siguiente operario certificado.</translation>
    </message>
    <message>
        <source>{operator}'s certification for operation {operation} expired on {expires}.</source>
        <translation>La certificación de {operator} para la operación {operation} caducó el {expires}.</translation>
    </message>
    <message>
        <source>Ask a line lead to approve, and have the certification renewed.</source>
        <translation>Pida la aprobación a un jefe de línea y renueve la certificación.</translation>
    </message>
    <message>
        <source>Only a line lead's badge can approve this.</source>
        <translation>Solo la tarjeta de un jefe de línea puede aprobar esto.</translation>
    </message>
    <message>
        <source>Ask the line lead to scan their badge.</source>
        <translation>Pida al jefe de línea que escanee su tarjeta.</translation>
    </message>
    <message>
        <source>The instruction revision {revision} is not on this station.</source>
        <translation>La revisión de instrucciones {revision} no está en esta estación.</translation>
    </message>
    <message>
        <source>Ask the line lead to sync the station or import the package.</source>
        <translation>Pida al jefe de línea que sincronice la estación o importe el paquete.</translation>
    </message>
    <message>
        <source>No work order is selected.</source>
        <translation>No hay ninguna orden de trabajo seleccionada.</translation>
    </message>
    <message>
        <source>Pick one from the queue.</source>
        <translation>Elija una de la lista.</translation>
    </message>
    <message>
        <source>Work order {work_order} is not on this station.</source>
        <translation>La orden de trabajo {work_order} no está en esta estación.</translation>
    </message>
    <message>
        <source>Check the number, or ask the line lead to sync the station.</source>
        <translation>Compruebe el número o pida al jefe de línea que sincronice la estación.</translation>
    </message>
    <message>
        <source>Work order {work_order} is cancelled in the ERP.</source>
        <translation>La orden de trabajo {work_order} está cancelada en el ERP.</translation>
    </message>
    <message>
        <source>Pick another work order from the queue.</source>
        <translation>Elija otra orden de trabajo de la lista.</translation>
    </message>
    <message>
        <source>Work order {work_order} is on hold in the ERP.</source>
        <translation>La orden de trabajo {work_order} está en espera en el ERP.</translation>
    </message>
    <message>
        <source>Unit {serial} is still in progress.</source>
        <translation>La unidad {serial} sigue en curso.</translation>
    </message>
    <message>
        <source>Finish or scrap it before you go on.</source>
        <translation>Termínela o deséchela antes de continuar.</translation>
    </message>
    <message>
        <source>Serial {serial} was already used on {finished}.</source>
        <translation>El número de serie {serial} ya se usó el {finished}.</translation>
    </message>
    <message>
        <source>Check the label; scan the serial of a new unit.</source>
        <translation>Compruebe la etiqueta; escanee el número de serie de una unidad nueva.</translation>
    </message>
    <message>
        <source>There is no approved work instruction for {product} {operation}.</source>
        <translation>No hay ninguna instrucción de trabajo aprobada para {product} {operation}.</translation>
    </message>
    <message>
        <source>Ask the line lead to publish or import the instruction package.</source>
        <translation>Pida al jefe de línea que publique o importe el paquete de instrucciones.</translation>
    </message>
    <message>
        <source>Work order {work_order} is complete: {done} of {quantity} done.</source>
        <translation>La orden de trabajo {work_order} está completa: {done} de {quantity} hechas.</translation>
    </message>
    <message>
        <source>Pick the next work order, or ask a line lead to approve extra units.</source>
        <translation>Elija la siguiente orden de trabajo o pida a un jefe de línea que apruebe unidades extra.</translation>
    </message>
    <message>
        <source>No unit is in progress.</source>
        <translation>No hay ninguna unidad en curso.</translation>
    </message>
    <message>
        <source>Scan the unit's serial or tap Start.</source>
        <translation>Escanee el número de serie de la unidad o pulse Iniciar.</translation>
    </message>
    <message>
        <source>There is no step {step}.</source>
        <translation>No existe el paso {step}.</translation>
    </message>
    <message>
        <source>Pick a step from the list.</source>
        <translation>Elija un paso de la lista.</translation>
    </message>
    <message>
        <source>Step {step} comes after steps that are not done yet.</source>
        <translation>El paso {step} va después de pasos que aún no están hechos.</translation>
    </message>
    <message>
        <source>Finish the current step first.</source>
        <translation>Termine primero el paso actual.</translation>
    </message>
    <message numerus="yes">
        <source>%n items are not ticked yet, first: {first}.</source>
        <translation>
            <numerusform>Queda %n punto sin marcar: {first}.</numerusform>
            <numerusform>Quedan %n puntos sin marcar, el primero: {first}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick every item, then tap Next.</source>
        <translation>Marque todos los puntos y pulse Siguiente.</translation>
    </message>
    <message>
        <source>Step {step} “{title}” is not done yet.</source>
        <translation>El paso {step} «{title}» aún no está hecho.</translation>
    </message>
    <message>
        <source>Complete the step.</source>
        <translation>Complete el paso.</translation>
    </message>
    <message>
        <source>Scan the part this step needs.</source>
        <translation>Escanee la pieza que necesita este paso.</translation>
    </message>
    <message>
        <source>Enter the measured value.</source>
        <translation>Introduzca el valor medido.</translation>
    </message>
    <message>
        <source>Tap Pass or Fail.</source>
        <translation>Pulse Correcto o Incorrecto.</translation>
    </message>
    <message>
        <source>Tighten every fastening with the tool.</source>
        <translation>Apriete cada unión con la herramienta.</translation>
    </message>
    <message>
        <source>Have the sign-off badge scanned.</source>
        <translation>Haga escanear la tarjeta de la firma.</translation>
    </message>
    <message>
        <source>Retry, rework, scrap, or ask a line lead to override.</source>
        <translation>Reintente, retrabaje, deseche o pida a un jefe de línea que lo acepte.</translation>
    </message>
    <message numerus="yes">
        <source>%n required steps are not done.</source>
        <translation>
            <numerusform>Falta %n paso obligatorio.</numerusform>
            <numerusform>Faltan %n pasos obligatorios.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finish them before completing the unit.</source>
        <translation>Termínelos antes de completar la unidad.</translation>
    </message>
    <message>
        <source>Step {step} is not this kind of step.</source>
        <translation>El paso {step} no es de este tipo.</translation>
    </message>
    <message>
        <source>Do what the step on screen asks.</source>
        <translation>Haga lo que pide el paso en pantalla.</translation>
    </message>
    <message>
        <source>This step's fastenings are already recorded.</source>
        <translation>Las uniones de este paso ya están registradas.</translation>
    </message>
    <message>
        <source>Tap Next, or handle the NOK first.</source>
        <translation>Pulse Siguiente o resuelva primero el NOK.</translation>
    </message>
    <message>
        <source>Tightening results cannot be undone.</source>
        <translation>Los resultados de apriete no se pueden deshacer.</translation>
    </message>
    <message>
        <source>If a fastening must be redone, record a rework (NOK) instead.</source>
        <translation>Si hay que rehacer una unión, registre un retrabajo (NOK) en su lugar.</translation>
    </message>
    <message>
        <source>The tool sent a torque in “{unit}”, a unit this station does not know ({known}).</source>
        <translation>La herramienta envió un par en «{unit}», una unidad que esta estación no conoce ({known}).</translation>
    </message>
    <message>
        <source>Set the tool to N·m (or another listed unit) and tighten again; call a line lead.</source>
        <translation>Ajuste la herramienta a N·m (u otra unidad de la lista) y apriete de nuevo; llame a un jefe de línea.</translation>
    </message>
    <message>
        <source>The tool sent a tightening without a torque value.</source>
        <translation>La herramienta envió un apriete sin valor de par.</translation>
    </message>
    <message>
        <source>Tighten again; call a line lead.</source>
        <translation>Apriete de nuevo; llame a un jefe de línea.</translation>
    </message>
    <message>
        <source>The tool reported NOK.</source>
        <translation>La herramienta indicó NOK.</translation>
    </message>
    <message>
        <source>The tool sent no torque value.</source>
        <translation>La herramienta no envió ningún valor de par.</translation>
    </message>
    <message>
        <source>Torque {torque} {unit} is below {limit} {unit}.</source>
        <translation>El par {torque} {unit} está por debajo de {limit} {unit}.</translation>
    </message>
    <message>
        <source>Torque {torque} {unit} is above {limit} {unit}.</source>
        <translation>El par {torque} {unit} está por encima de {limit} {unit}.</translation>
    </message>
    <message>
        <source>Angle {angle}° is below {limit}°.</source>
        <translation>El ángulo {angle}° está por debajo de {limit}°.</translation>
    </message>
    <message>
        <source>Angle {angle}° is above {limit}°.</source>
        <translation>El ángulo {angle}° está por encima de {limit}°.</translation>
    </message>
    <message>
        <source>Program (pset) {used} was used; this step needs {pset}.</source>
        <translation>Se usó el programa (pset) {used}; este paso necesita {pset}.</translation>
    </message>
    <message>
        <source>{signer} cannot sign this step.</source>
        <translation>{signer} no puede firmar este paso.</translation>
    </message>
    <message>
        <source>Call the person the step names to scan their badge.</source>
        <translation>Llame a la persona que indica el paso para que escanee su tarjeta.</translation>
    </message>
    <message>
        <source>This sign-off must be by someone other than the operator who built the unit.</source>
        <translation>Esta firma debe hacerla alguien distinto del operario que montó la unidad.</translation>
    </message>
    <message>
        <source>No retries are left for step {step}.</source>
        <translation>No quedan reintentos para el paso {step}.</translation>
    </message>
    <message>
        <source>Rework, scrap, or ask a line lead to override.</source>
        <translation>Retrabaje, deseche o pida a un jefe de línea que lo acepte.</translation>
    </message>
    <message numerus="yes">
        <source>NOK: %n retries left.</source>
        <translation>
            <numerusform>NOK: queda %n reintento.</numerusform>
            <numerusform>NOK: quedan %n reintentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a NOK step can be handled this way.</source>
        <translation>Solo un paso NOK se puede tratar así.</translation>
    </message>
    <message>
        <source>Go on with the step.</source>
        <translation>Continúe con el paso.</translation>
    </message>
    <message>
        <source>This needs a reason.</source>
        <translation>Esto necesita un motivo.</translation>
    </message>
    <message>
        <source>Pick a reason.</source>
        <translation>Elija un motivo.</translation>
    </message>
    <message>
        <source>Say what was reworked.</source>
        <translation>Indique qué se retrabajó.</translation>
    </message>
    <message>
        <source>Pick or type a reason.</source>
        <translation>Elija o escriba un motivo.</translation>
    </message>
    <message>
        <source>An override needs a reason.</source>
        <translation>Una aceptación necesita un motivo.</translation>
    </message>
    <message>
        <source>Scrapping needs a reason.</source>
        <translation>Desechar necesita un motivo.</translation>
    </message>
    <message>
        <source>Pick a scrap reason.</source>
        <translation>Elija un motivo de desecho.</translation>
    </message>
    <message>
        <source>Downtime needs a reason.</source>
        <translation>Una parada necesita un motivo.</translation>
    </message>
    <message>
        <source>Say what is wrong with the step.</source>
        <translation>Indique qué está mal en el paso.</translation>
    </message>
    <message>
        <source>Pick a category.</source>
        <translation>Elija una categoría.</translation>
    </message>
    <message>
        <source>Downtime “{reason}” is already running.</source>
        <translation>La parada «{reason}» ya está en curso.</translation>
    </message>
    <message>
        <source>End it first.</source>
        <translation>Termínela primero.</translation>
    </message>
    <message>
        <source>The scan was empty.</source>
        <translation>El escaneo estaba vacío.</translation>
    </message>
    <message>
        <source>Scan again.</source>
        <translation>Escanee de nuevo.</translation>
    </message>
    <message>
        <source>{data} is not a badge, work order, unit or the part this step needs.</source>
        <translation>{data} no es una tarjeta, una orden de trabajo, una unidad ni la pieza que necesita este paso.</translation>
    </message>
    <message>
        <source>Check the label and scan again.</source>
        <translation>Compruebe la etiqueta y escanee de nuevo.</translation>
    </message>
    <message>
        <source>{part} serial {serial} is already built into unit {unit}.</source>
        <translation>{part} con número de serie {serial} ya está montada en la unidad {unit}.</translation>
    </message>
    <message>
        <source>Put this part aside for the line lead and take a new one.</source>
        <translation>Aparte esta pieza para el jefe de línea y tome una nueva.</translation>
    </message>
    <message>
        <source>Wrong part: scanned {scanned}, this step needs {expected}.</source>
        <translation>Pieza equivocada: se escaneó {scanned}, este paso necesita {expected}.</translation>
    </message>
    <message>
        <source>Take {expected} and scan again.</source>
        <translation>Tome {expected} y escanee de nuevo.</translation>
    </message>
    <message>
        <source>Take {expected} from bin {bin} and scan again.</source>
        <translation>Tome {expected} del contenedor {bin} y escanee de nuevo.</translation>
    </message>
    <message>
        <source>{data} is not a label of {expected}.</source>
        <translation>{data} no es una etiqueta de {expected}.</translation>
    </message>
    <message>
        <source>Take {expected} and scan its label.</source>
        <translation>Tome {expected} y escanee su etiqueta.</translation>
    </message>
    <message>
        <source>Take {expected} from bin {bin} and scan its label.</source>
        <translation>Tome {expected} del contenedor {bin} y escanee su etiqueta.</translation>
    </message>
    <message>
        <source>{data} is not what this step needs.</source>
        <translation>{data} no es lo que necesita este paso.</translation>
    </message>
    <message>
        <source>The label of {expected} carries no serial number, which this part needs.</source>
        <translation>La etiqueta de {expected} no lleva número de serie, y esta pieza lo necesita.</translation>
    </message>
    <message>
        <source>Scan the serial-number label of the part.</source>
        <translation>Escanee la etiqueta con el número de serie de la pieza.</translation>
    </message>
    <message>
        <source>The label of {expected} carries no lot number, which this part needs.</source>
        <translation>La etiqueta de {expected} no lleva número de lote, y esta pieza lo necesita.</translation>
    </message>
    <message>
        <source>Scan the label with the lot (batch) number.</source>
        <translation>Escanee la etiqueta con el número de lote.</translation>
    </message>
    <message>
        <source>Signed by {signer}.</source>
        <translation>Firmado por {signer}.</translation>
    </message>
    <message>
        <source>Tap Next.</source>
        <translation>Pulse Siguiente.</translation>
    </message>
    <message>
        <source>{operator} is logged in.</source>
        <translation>{operator} ha iniciado sesión.</translation>
    </message>
    <message>
        <source>Welcome, {operator}.</source>
        <translation>Bienvenido/a, {operator}.</translation>
    </message>
    <message>
        <source>Work order {work_order} opened.</source>
        <translation>Orden de trabajo {work_order} abierta.</translation>
    </message>
    <message>
        <source>Unit {serial} started.</source>
        <translation>Unidad {serial} iniciada.</translation>
    </message>
    <message>
        <source>{part} ({name}) accepted.</source>
        <translation>{part} ({name}) aceptada.</translation>
    </message>
    <message>
        <source>{part} ({name}) serial {serial} accepted.</source>
        <translation>{part} ({name}) con número de serie {serial} aceptada.</translation>
    </message>
    <message>
        <source>{part} ({name}) lot {lot} accepted.</source>
        <translation>{part} ({name}) del lote {lot} aceptada.</translation>
    </message>
    <message>
        <source>{data} accepted.</source>
        <translation>{data} aceptado.</translation>
    </message>
    <message>
        <source>“{raw}” is not a number.</source>
        <translation>«{raw}» no es un número.</translation>
    </message>
    <message>
        <source>Enter the reading in {unit} with the keypad.</source>
        <translation>Introduzca la lectura en {unit} con el teclado.</translation>
    </message>
    <message>
        <source>{value} has more than {decimals} decimal places.</source>
        <translation>{value} tiene más de {decimals} decimales.</translation>
    </message>
    <message>
        <source>Enter it as the gauge shows it (e.g. {example} {unit}).</source>
        <translation>Introdúzcalo como lo muestra el instrumento (p. ej. {example} {unit}).</translation>
    </message>
    <message>
        <source>The station database {path} is locked by another program.</source>
        <translation>Otro programa tiene bloqueada la base de datos de la estación {path}.</translation>
    </message>
    <message>
        <source>Close the other kiosk window or backup tool, then try again.</source>
        <translation>Cierre la otra ventana del kiosco o la herramienta de copia y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The station database {path} is busy and did not answer in time; nothing was recorded.</source>
        <translation>La base de datos de la estación {path} está ocupada y no respondió a tiempo; no se registró nada.</translation>
    </message>
    <message>
        <source>Wait a moment and repeat the last action.</source>
        <translation>Espere un momento y repita la última acción.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full; nothing was recorded.</source>
        <translation>El disco de {path} está lleno; no se registró nada.</translation>
    </message>
    <message>
        <source>Call IT to free disk space; the last action can then be repeated.</source>
        <translation>Llame a informática para liberar espacio; después se puede repetir la última acción.</translation>
    </message>
    <message>
        <source>The station could not read or write {path} (disk error); nothing was recorded.</source>
        <translation>La estación no pudo leer ni escribir {path} (error de disco); no se registró nada.</translation>
    </message>
    <message>
        <source>Call IT to check the disk; then restart the station.</source>
        <translation>Llame a informática para revisar el disco; después reinicie la estación.</translation>
    </message>
    <message>
        <source>The station database {path} cannot be written (read-only); nothing was recorded.</source>
        <translation>No se puede escribir en la base de datos de la estación {path} (solo lectura); no se registró nada.</translation>
    </message>
    <message>
        <source>Call IT: the kiosk user must be allowed to write the data folder.</source>
        <translation>Llame a informática: el usuario del kiosco debe poder escribir en la carpeta de datos.</translation>
    </message>
    <message>
        <source>The station database {path} cannot be opened.</source>
        <translation>No se puede abrir la base de datos de la estación {path}.</translation>
    </message>
    <message>
        <source>Check the data folder exists and the kiosk user may write to it.</source>
        <translation>Compruebe que la carpeta de datos existe y que el usuario del kiosco puede escribir en ella.</translation>
    </message>
    <message>
        <source>The station database {path} is damaged or not a kiosk database.</source>
        <translation>La base de datos de la estación {path} está dañada o no es una base de datos del kiosco.</translation>
    </message>
    <message>
        <source>Call IT: restore the latest backup (`kiosk db backup` makes one).</source>
        <translation>Llame a informática: restaure la última copia (`kiosk db backup` crea una).</translation>
    </message>
    <message>
        <source>The station hit an internal error; nothing more was recorded.</source>
        <translation>La estación tuvo un error interno; no se registró nada más.</translation>
    </message>
    <message>
        <source>Call a line lead.</source>
        <translation>Llame a un jefe de línea.</translation>
    </message>
    <message>
        <source>That PIN is not a line lead's.</source>
        <translation>Ese PIN no es de un jefe de línea.</translation>
    </message>
    <message>
        <source>Scan your badge and enter your PIN again.</source>
        <translation>Escanee su credencial e introduzca su PIN de nuevo.</translation>
    </message>
    <message>
        <source>Only a line lead or an admin can open line-lead mode.</source>
        <translation>Solo un jefe de línea o un administrador puede abrir el modo jefe de línea.</translation>
    </message>
    <message>
        <source>Event {seq} is not a dead letter (any more).</source>
        <translation>El evento {seq} ya no es un evento no entregado.</translation>
    </message>
    <message>
        <source>The list is refreshed; look again.</source>
        <translation>La lista se ha actualizado; vuelva a mirar.</translation>
    </message>
    <message>
        <source>A dead letter is only discarded with a reason.</source>
        <translation>Un evento no entregado solo se descarta con un motivo.</translation>
    </message>
    <message>
        <source>Pick or type why it is discarded.</source>
        <translation>Elija o escriba por qué se descarta.</translation>
    </message>
    <message>
        <source>Only a torque tool has programs and a lock.</source>
        <translation>Solo una herramienta de apriete tiene programas y bloqueo.</translation>
    </message>
    <message>
        <source>Pick the torque tool to test these.</source>
        <translation>Elija la herramienta de apriete para probarlo.</translation>
    </message>
    <message>
        <source>These device settings cannot be used: {detail}</source>
        <translation>Estos ajustes del dispositivo no se pueden usar: {detail}</translation>
    </message>
    <message>
        <source>The device cannot be opened: {detail}</source>
        <translation>No se puede abrir el dispositivo: {detail}</translation>
    </message>
    <message>
        <source>The device reported a problem: {detail}</source>
        <translation>El dispositivo informa de un problema: {detail}</translation>
    </message>
    <message>
        <source>{next}</source>
        <translation>{next}</translation>
    </message>
    <message>
        <source>This {name} ({serial}) was already fitted to unit {unit}.</source>
        <translation>Esta pieza {name} ({serial}) ya se montó en la unidad {unit}.</translation>
    </message>
    <message>
        <source>Take another one; put this one aside for the line lead.</source>
        <translation>Tome otra; deje esta aparte para el jefe de línea.</translation>
    </message>
    <message>
        <source>To scan it again: More → Redo this step.</source>
        <translation>Para escanearla de nuevo: Más → Repetir este paso.</translation>
    </message>
    <message>
        <source>This step's part is already scanned.</source>
        <translation>La pieza de este paso ya está escaneada.</translation>
    </message>
    <message>
        <source>Check the badge or ask a line lead.</source>
        <translation>Revise la tarjeta o pregunte al jefe de línea.</translation>
    </message>
    <message>
        <source>Call a {role} to scan their badge.</source>
        <translation>Llame a alguien con el rol {role} para que escanee su tarjeta.</translation>
    </message>
    <message>
        <source>{signer} cannot sign this step: it needs a {role}.</source>
        <translation>{signer} no puede firmar este paso: requiere el rol {role}.</translation>
    </message>
    <message>
        <source>The tool sent a result the station could not read.</source>
        <translation>La herramienta envió un resultado que la estación no pudo leer.</translation>
    </message>
    <message>
        <source>It is kept for the line lead and not counted; tighten this fastening again.</source>
        <translation>Se guarda para el jefe de línea y no cuenta; apriete esta unión de nuevo.</translation>
    </message>
    <message>
        <source>The tool's result is marked for unit {identifier}, not for this unit {serial}.</source>
        <translation>El resultado de la herramienta está marcado para la unidad {identifier}, no para esta unidad {serial}.</translation>
    </message>
    <message>
        <source>It is not counted for {serial}; call a line lead to check the tool's unit.</source>
        <translation>No cuenta para {serial}; llame a un jefe de línea para revisar la unidad en la herramienta.</translation>
    </message>
    <message>
        <source>A tightening made while the tool was offline ran program {used}; this step needs {pset}.</source>
        <translation>Un apriete hecho mientras la herramienta estaba desconectada usó el programa {used}; este paso necesita {pset}.</translation>
    </message>
    <message>
        <source>It is kept for the line lead and not counted; tighten with the step's program.</source>
        <translation>Se guarda para el jefe de línea y no cuenta; apriete con el programa del paso.</translation>
    </message>
    <message>
        <source>A tightening made while the tool was offline was made before this step started.</source>
        <translation>Un apriete hecho mientras la herramienta estaba desconectada se hizo antes de que empezara este paso.</translation>
    </message>
    <message>
        <source>It is kept for the line lead and not counted; tighten the fastenings of this step.</source>
        <translation>Se guarda para el jefe de línea y no cuenta; apriete las uniones de este paso.</translation>
    </message>
    <message>
        <source>Spindle {spindle} tightened, but this step has no open fastening left for it.</source>
        <translation>El husillo {spindle} apretó, pero este paso no tiene ninguna unión abierta para él.</translation>
    </message>
    <message>
        <source>It is kept for the line lead and not counted; call a line lead.</source>
        <translation>Se guarda para el jefe de línea y no cuenta; llame a un jefe de línea.</translation>
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
        <source>The configuration file {path} is damaged: nothing was saved. ({detail})</source>
        <translation>El archivo de configuración {path} está dañado: no se guardó nada. ({detail})</translation>
    </message>
    <message>
        <source>Ask IT to restore the file or provision the station again.</source>
        <translation>Pida a TI que restaure el archivo o vuelva a aprovisionar la estación.</translation>
    </message>
    <message>
        <source>These settings would not start the station: nothing was saved. ({detail})</source>
        <translation>Con estos ajustes la estación no arrancaría: no se guardó nada. ({detail})</translation>
    </message>
    <message>
        <source>Correct the setting and save again.</source>
        <translation>Corrija el ajuste y vuelva a guardar.</translation>
    </message>
    <message>
        <source>The configuration file {path} cannot be written: nothing was saved. ({detail})</source>
        <translation>No se puede escribir el archivo de configuración {path}: no se guardó nada. ({detail})</translation>
    </message>
    <message>
        <source>Call IT: the disk may be full or read-only.</source>
        <translation>Llame a TI: el disco puede estar lleno o ser de solo lectura.</translation>
    </message>
</context>
</TS>
