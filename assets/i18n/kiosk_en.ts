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
<context>
    <name>Editor</name>
    <message numerus="yes">
        <source>The preview shows the last valid state: fix %n problems to update it.</source>
        <translation>
            <numerusform>The preview shows the last valid state: fix %n problem to update it.</numerusform>
            <numerusform>The preview shows the last valid state: fix %n problems to update it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was written: the package has %n problems.</source>
        <translation>
            <numerusform>Nothing was written: the package has %n problem.</numerusform>
            <numerusform>Nothing was written: the package has %n problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n steps added</source>
        <translation>
            <numerusform>%n step added</numerusform>
            <numerusform>%n steps added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n moved</numerusform>
            <numerusform>%n moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n component changes</source>
        <translation>
            <numerusform>%n component change</numerusform>
            <numerusform>%n component changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorBridge</name>
    <message numerus="yes">
        <source>Nothing was sent: the revision has %n problems. Fix them (listed below the preview), then save the draft again.</source>
        <translation>
            <numerusform>Nothing was sent: the revision has %n problem. Fix it (listed below the preview), then save the draft again.</numerusform>
            <numerusform>Nothing was sent: the revision has %n problems. Fix them (listed below the preview), then save the draft again.</numerusform>
        </translation>
    </message>
</context>
</TS>
