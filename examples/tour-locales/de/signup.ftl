required = Dieses Feld ist erforderlich.
    .title = Nicht verarbeitbarer Inhalt
duplicate = Es gibt bereits ein Konto für { $email }.
    .title = Konflikt
rate_limited = { $retry_after ->
        [one] Zu viele Anmeldungen; versuchen Sie es in einer Sekunde erneut.
       *[other] Zu viele Anmeldungen; versuchen Sie es in { $retry_after } Sekunden erneut.
    }
    .title = Zu viele Anfragen
internal = Auf dem Server ist ein unerwarteter Fehler aufgetreten.
    .title = Interner Serverfehler
