<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<!-- English needs its own plural forms: only the %n messages are here (the source text is
     the English for every other message). -->
<context>
    <name>LineLead</name>
    <message numerus="yes">
        <source>%n events queued again.</source>
        <translation>
            <numerusform>%n event queued again.</numerusform>
            <numerusform>%n events queued again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n settings changed.</source>
        <translation>
            <numerusform>Saved: %n setting changed.</numerusform>
            <numerusform>Saved: %n settings changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events waiting</source>
        <translation>
            <numerusform>%n event waiting</numerusform>
            <numerusform>%n events waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NokPanel</name>
    <message numerus="yes">
        <source>NOK: %n retries left</source>
        <translation>
            <numerusform>NOK: %n retry left</numerusform>
            <numerusform>NOK: %n retries left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunnerScreen</name>
    <message numerus="yes">
        <source>%n items not ticked yet: tick each one.</source>
        <translation>
            <numerusform>%n item not ticked yet: tick it.</numerusform>
            <numerusform>%n items not ticked yet: tick each one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TorqueAction</name>
    <message numerus="yes">
        <source>Tighten %n fastenings with the tool</source>
        <translation>
            <numerusform>Tighten %n fastening with the tool</numerusform>
            <numerusform>Tighten %n fastenings with the tool</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n fastenings OK</source>
        <translation>
            <numerusform>%n fastening OK</numerusform>
            <numerusform>All %n fastenings OK</numerusform>
        </translation>
    </message>
</context>
</TS>
