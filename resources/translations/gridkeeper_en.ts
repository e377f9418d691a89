<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttachmentStrip</name>
    <message numerus="yes">
        <source>%n photo(s) attached.</source>
        <translation>
            <numerusform>%n photo attached.</numerusform>
            <numerusform>%n photos attached.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message numerus="yes">
        <source>Every time a full ID or phone number was shown, exported or printed, on any laptop of the office: the newest %n entries.</source>
        <translation>
            <numerusform>Every time a full ID or phone number was shown, exported or printed, on any laptop of the office: the newest %n entries.</numerusform>
            <numerusform>Every time a full ID or phone number was shown, exported or printed, on any laptop of the office: the newest %n entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BuildingsDialog</name>
    <message numerus="yes">
        <source>%n building(s) added to {compound}.</source>
        <translation>
            <numerusform>%n building added to {compound}.</numerusform>
            <numerusform>%n buildings added to {compound}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoverDialog</name>
    <message numerus="yes">
        <source>%n household(s) from {grid}</source>
        <translation>
            <numerusform>%n household from {grid}</numerusform>
            <numerusform>%n households from {grid}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n building(s)</source>
        <translation>
            <numerusform>%n building</numerusform>
            <numerusform>%n buildings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridHistoryDialog</name>
    <message numerus="yes">
        <source>Buildings in and out (%n move(s))</source>
        <translation>
            <numerusform>Buildings in and out (%n move)</numerusform>
            <numerusform>Buildings in and out (%n moves)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdMoves</name>
    <message numerus="yes">
        <source>Merged: the file of {gone} is closed; %n record(s) moved to {kept}.</source>
        <translation>
            <numerusform>Merged: the file of {gone} is closed; %n record moved to {kept}.</numerusform>
            <numerusform>Merged: the file of {gone} is closed; %n records moved to {kept}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message numerus="yes">
        <source>%n household(s) in {where}</source>
        <translation>
            <numerusform>%n household in {where}</numerusform>
            <numerusform>%n households in {where}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message numerus="yes">
        <source>%n item(s), {overdue} overdue</source>
        <translation>
            <numerusform>%n item, {overdue} overdue</numerusform>
            <numerusform>%n items, {overdue} overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Grid division table imported: %n change(s).</source>
        <translation>
            <numerusform>Grid division table imported: %n change.</numerusform>
            <numerusform>Grid division table imported: %n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediationsPage</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return visits due (%n)</source>
        <translation>
            <numerusform>Return visits due (%n)</numerusform>
            <numerusform>Return visits due (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <source>{keep} is kept. From {gone}, %n member(s) and its care plans, list items and mediations move to it; the file of {gone} is closed, and its contacts and services show in the history of {keep}.</source>
        <translation>
            <numerusform>{keep} is kept. From {gone}, %n member and its care plans, list items and mediations move to it; the file of {gone} is closed, and its contacts and services show in the history of {keep}.</numerusform>
            <numerusform>{keep} is kept. From {gone}, %n members and its care plans, list items and mediations move to it; the file of {gone} is closed, and its contacts and services show in the history of {keep}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message numerus="yes">
        <source>{compound}: %n household(s) of this roster are in no grid. Choose the grid they belong to: the compound and its buildings are set up now, and the import puts the households there.</source>
        <translation>
            <numerusform>{compound}: %n household of this roster are in no grid. Choose the grid they belong to: the compound and its buildings are set up now, and the import puts the households there.</numerusform>
            <numerusform>{compound}: %n households of this roster are in no grid. Choose the grid they belong to: the compound and its buildings are set up now, and the import puts the households there.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rows with problems: the first %n shown.</source>
        <translation>
            <numerusform>Rows with problems: the first %n shown.</numerusform>
            <numerusform>Rows with problems: the first %n shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s) of the sheet.</source>
        <translation>
            <numerusform>The first %n row of the sheet.</numerusform>
            <numerusform>The first %n rows of the sheet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This table cannot be imported: there are problems in %n row(s) (in red below, with the reason). A table is imported whole or not at all, so nothing will be written. Correct the rows in Excel, save the file and choose it again.</source>
        <translation>
            <numerusform>This table cannot be imported: there are problems in %n row (in red below, with the reason). A table is imported whole or not at all, so nothing will be written. Correct the rows in Excel, save the file and choose it again.</numerusform>
            <numerusform>This table cannot be imported: there are problems in %n rows (in red below, with the reason). A table is imported whole or not at all, so nothing will be written. Correct the rows in Excel, save the file and choose it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PropertyView</name>
    <message numerus="yes">
        <source>{company}: %n open problem(s), {overdue} overdue; the oldest open for {days} days.</source>
        <translation>
            <numerusform>{company}: %n open problem, {overdue} overdue; the oldest open for {days} days.</numerusform>
            <numerusform>{company}: %n open problems, {overdue} overdue; the oldest open for {days} days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupBox</name>
    <message numerus="yes">
        <source>For every other laptop. Ask the office's admin for an enrolment code (it works once, for %n day(s)) and type it here; capitals, spaces and dashes do not matter. This laptop then receives the office's data.</source>
        <translation>
            <numerusform>For every other laptop. Ask the office's admin for an enrolment code (it works once, for %n day) and type it here; capitals, spaces and dashes do not matter. This laptop then receives the office's data.</numerusform>
            <numerusform>For every other laptop. Ask the office's admin for an enrolment code (it works once, for %n days) and type it here; capitals, spaces and dashes do not matter. This laptop then receives the office's data.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An enrolment code has 12 letters and digits, like ABCD-EFGH-JKLM; this one has %n.</source>
        <translation>
            <numerusform>An enrolment code has 12 letters and digits, like ABCD-EFGH-JKLM; this one has %n.</numerusform>
            <numerusform>An enrolment code has 12 letters and digits, like ABCD-EFGH-JKLM; this one has %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message numerus="yes">
        <source>Read the sheet “{sheet}”: %n row(s).</source>
        <translation>
            <numerusform>Read the sheet “{sheet}”: %n row.</numerusform>
            <numerusform>Read the sheet “{sheet}”: %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read the sheet “{sheet}”. The header is in row {row}, with {columns} known column(s); %n row(s) of data below it.</source>
        <translation>
            <numerusform>Read the sheet “{sheet}”. The header is in row {row}, with {columns} known column(s); %n row of data below it.</numerusform>
            <numerusform>Read the sheet “{sheet}”. The header is in row {row}, with {columns} known column(s); %n rows of data below it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read the sheet “{sheet}”. The header is in row {row}; %n row(s) below it. Roles read: {roles}.</source>
        <translation>
            <numerusform>Read the sheet “{sheet}”. The header is in row {row}; %n row below it. Roles read: {roles}.</numerusform>
            <numerusform>Read the sheet “{sheet}”. The header is in row {row}; %n rows below it. Roles read: {roles}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StreetPage</name>
    <message numerus="yes">
        <source>%n building(s)</source>
        <translation>
            <numerusform>%n building</numerusform>
            <numerusform>%n buildings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <source>Read %n row(s) from the sheet “{sheet}” of {file}.</source>
        <translation>
            <numerusform>Read %n row from the sheet “{sheet}” of {file}.</numerusform>
            <numerusform>Read %n rows from the sheet “{sheet}” of {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) added.</source>
        <translation>
            <numerusform>%n person added.</numerusform>
            <numerusform>%n persons added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) updated.</source>
        <translation>
            <numerusform>%n person updated.</numerusform>
            <numerusform>%n persons updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) already up to date, left unchanged.</source>
        <translation>
            <numerusform>%n person already up to date, left unchanged.</numerusform>
            <numerusform>%n persons already up to date, left unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) added.</source>
        <translation>
            <numerusform>%n household added.</numerusform>
            <numerusform>%n households added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s) updated.</source>
        <translation>
            <numerusform>%n household updated.</numerusform>
            <numerusform>%n households updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected and not imported. Save them, fix them in Excel and import that file again.</source>
        <translation>
            <numerusform>%n row rejected and not imported. Save them, fix them in Excel and import that file again.</numerusform>
            <numerusform>%n rows rejected and not imported. Save them, fix them in Excel and import that file again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported with a warning, as each warning below says: %n row(s).</source>
        <translation>
            <numerusform>Imported with a warning, as each warning below says: %n row.</numerusform>
            <numerusform>Imported with a warning, as each warning below says: %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) changed on another laptop after this workbook was saved were kept; the roster's values are on the Conflicts page to review.</source>
        <translation>
            <numerusform>%n value changed on another laptop after this workbook was saved were kept; the roster's values are on the Conflicts page to review.</numerusform>
            <numerusform>%n values changed on another laptop after this workbook was saved were kept; the roster's values are on the Conflicts page to review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n rejected row(s) with their problems to {path}.</source>
        <translation>
            <numerusform>Saved %n rejected row with their problems to {path}.</numerusform>
            <numerusform>Saved %n rejected rows with their problems to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) held characters a workbook cannot hold or more text than Excel allows; they were written with � in place of those characters or cut short.</source>
        <translation>
            <numerusform>%n cell held characters a workbook cannot hold or more text than Excel allows; they were written with � in place of those characters or cut short.</numerusform>
            <numerusform>%n cells held characters a workbook cannot hold or more text than Excel allows; they were written with � in place of those characters or cut short.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message numerus="yes">
        <source>Took in %n change(s) from the old unencrypted data on the folder, and removed that copy.</source>
        <translation>
            <numerusform>Took in %n change from the old unencrypted data on the folder, and removed that copy.</numerusform>
            <numerusform>Took in %n changes from the old unencrypted data on the folder, and removed that copy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read %n damaged batch(es) of the old data.</source>
        <translation>
            <numerusform>Could not read %n damaged batch of the old data.</numerusform>
            <numerusform>Could not read %n damaged batches of the old data.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message numerus="yes">
        <source>%Ln change(s) to send</source>
        <translation>
            <numerusform>%Ln change to send</numerusform>
            <numerusform>%Ln changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message numerus="yes">
        <source>Sent %n change(s), received {received}.</source>
        <translation>
            <numerusform>Sent %n change, received {received}.</numerusform>
            <numerusform>Sent %n changes, received {received}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review.</source>
        <translation>
            <numerusform>%n conflict to review.</numerusform>
            <numerusform>%n conflicts to review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Admitted %n new laptop(s) to the office: {names}.</source>
        <translation>
            <numerusform>Admitted %n new laptop to the office: {names}.</numerusform>
            <numerusform>Admitted %n new laptops to the office: {names}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more batch(es) held back.</source>
        <translation>
            <numerusform>…and %n more batch held back.</numerusform>
            <numerusform>…and %n more batches held back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This laptop wrote %n batch(es) of its own again, missing or damaged on the shared folder.</source>
        <translation>
            <numerusform>This laptop wrote %n batch of its own again, missing or damaged on the shared folder.</numerusform>
            <numerusform>This laptop wrote %n batches of its own again, missing or damaged on the shared folder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set aside, unused: %n file(s) in this laptop's place on the shared folder that it did not write.</source>
        <translation>
            <numerusform>Set aside, unused: %n file in this laptop's place on the shared folder that it did not write.</numerusform>
            <numerusform>Set aside, unused: %n files in this laptop's place on the shared folder that it did not write.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This laptop's clock is about %n day(s) behind; please correct it.</source>
        <translation>
            <numerusform>This laptop's clock is about %n day behind; please correct it.</numerusform>
            <numerusform>This laptop's clock is about %n days behind; please correct it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableFiles</name>
    <message numerus="yes">
        <source>Wrote the grid division table to {path}: %n row(s), one per grid and compound.</source>
        <translation>
            <numerusform>Wrote the grid division table to {path}: %n row, one per grid and compound.</numerusform>
            <numerusform>Wrote the grid division table to {path}: %n rows, one per grid and compound.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) held characters a workbook cannot hold and were written with � in their place or cut short.</source>
        <translation>
            <numerusform>%n cell held characters a workbook cannot hold and were written with � in their place or cut short.</numerusform>
            <numerusform>%n cells held characters a workbook cannot hold and were written with � in their place or cut short.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WalkDialog</name>
    <message numerus="yes">
        <source>Close without saving this walk and its %n finding(s)?</source>
        <translation>
            <numerusform>Close without saving this walk and its %n finding?</numerusform>
            <numerusform>Close without saving this walk and its %n findings?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WalksPage</name>
    <message numerus="yes">
        <source>%n walk(s) since {first}</source>
        <translation>
            <numerusform>%n walk since {first}</numerusform>
            <numerusform>%n walks since {first}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{week}: no night walk yet in %n grid(s): {grids}</source>
        <translation>
            <numerusform>{week}: no night walk yet in %n grid: {grids}</numerusform>
            <numerusform>{week}: no night walk yet in %n grids: {grids}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Night walk logged with %n finding(s).</source>
        <translation>
            <numerusform>Night walk logged with %n finding.</numerusform>
            <numerusform>Night walk logged with %n findings.</numerusform>
        </translation>
    </message>
</context>
</TS>