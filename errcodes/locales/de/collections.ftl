# Die Zusammenfassung einer Sammlung und Laravels "(und N weitere Fehler)".
fields_failed = { $fields ->
        [one] 1 Feld hat die Prüfung nicht bestanden.
       *[other] { $fields } Felder haben die Prüfung nicht bestanden.
    }
fields_failed_errors = { $fields ->
        [one] 1 Feld hat die Prüfung nicht bestanden ({ $errors } Fehler).
       *[other] { $fields } Felder haben die Prüfung nicht bestanden ({ $errors } Fehler).
    }
errors_occurred = { $errors ->
        [one] 1 Fehler ist aufgetreten.
       *[other] { $errors } Fehler sind aufgetreten.
    }
and_more_errors = { $count ->
        [one] (und 1 weiterer Fehler)
       *[other] (und { $count } weitere Fehler)
    }
unauthorized = Nicht autorisiert.
    .title = Nicht autorisiert
forbidden = Verboten.
    .title = Verboten
conflict = Konflikt.
    .title = Konflikt
gone = Nicht mehr vorhanden.
    .title = Nicht mehr vorhanden
too_many_requests = Zu viele Anfragen.
    .title = Zu viele Anfragen
