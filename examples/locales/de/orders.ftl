order_not_found = Es gibt keine Bestellung { $arg0 }.
    .title = Nicht gefunden
throttled = Zu viele Anfragen; bitte später erneut versuchen.
    .title = Zu viele Anfragen
internal = Auf dem Server ist ein unerwarteter Fehler aufgetreten.
    .title = Interner Serverfehler
