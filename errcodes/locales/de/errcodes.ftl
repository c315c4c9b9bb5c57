not_found = Nicht gefunden.
    .title = Nicht gefunden
method_not_allowed = { $method ->
        [none] Diese Methode ist hier nicht erlaubt.
       *[other] Die Methode „{ $method }“ ist nicht erlaubt.
    }
    .title = Methode nicht erlaubt
not_acceptable = Der Accept-Header der Anfrage kann nicht erfüllt werden.
    .title = Nicht annehmbar
unsupported_media_type = { $expected ->
        [json] Erwartet wird eine Anfrage mit Content-Type: application/json.
        [form] Erwartet wird eine Anfrage mit Content-Type: application/x-www-form-urlencoded.
        [foreign] Der Content-Type der Anfrage wird nicht unterstützt.
       *[other] Nicht unterstützter Medientyp in der Anfrage.
    }
    .title = Nicht unterstützter Medientyp
malformed_json = { $at ->
        [yes] Der Inhalt der Anfrage ist kein gültiges JSON (Zeile { $line }, Spalte { $column }).
       *[other] Der Inhalt der Anfrage ist kein gültiges JSON.
    }
    .title = Ungültige Anfrage
invalid_body = { $at ->
        [yes] Der Inhalt der Anfrage hat nicht die erwarteten Felder und Typen (Zeile { $line }, Spalte { $column }).
       *[other] Der Inhalt der Anfrage hat nicht die erwarteten Felder und Typen.
    }
    .title = Nicht verarbeitbarer Inhalt
body_too_large = Der Inhalt der Anfrage ist zu groß.
    .title = Inhalt zu groß
payload_too_large = Der Inhalt der Anfrage ist zu groß.
    .title = Inhalt zu groß
unreadable_body = Der Inhalt der Anfrage konnte nicht gelesen werden.
    .title = Ungültige Anfrage
invalid_path = Ein Pfadparameter ist ungültig.
    .title = Ungültige Anfrage
invalid_query = Die Abfragezeichenfolge ist ungültig.
    .title = Ungültige Anfrage
invalid_form = Das Formular ist ungültig.
    .title = Nicht verarbeitbarer Inhalt
bad_request = Die Anfrage konnte nicht verarbeitet werden.
    .title = Ungültige Anfrage
unprocessable_entity = Die Anfrage konnte nicht verarbeitet werden.
    .title = Nicht verarbeitbarer Inhalt
# What a 5xx says instead of its cause, and the titles of 5xx statuses.
server_error = Auf dem Server ist ein unerwarteter Fehler aufgetreten.
    .title = Interner Serverfehler
internal_server_error = Auf dem Server ist ein unerwarteter Fehler aufgetreten.
    .title = Interner Serverfehler
not_implemented = Auf dem Server ist ein unerwarteter Fehler aufgetreten.
    .title = Nicht implementiert
bad_gateway = Auf dem Server ist ein unerwarteter Fehler aufgetreten.
    .title = Fehlerhaftes Gateway
service_unavailable = Auf dem Server ist ein unerwarteter Fehler aufgetreten.
    .title = Dienst nicht verfügbar
gateway_timeout = Auf dem Server ist ein unerwarteter Fehler aufgetreten.
    .title = Gateway-Zeitüberschreitung

# The generic 5xx texts of the envelopes that have their own: Laravel's
# production message, drf-standardized-errors' server error.
laravel_server_error = Serverfehler
    .title = Interner Serverfehler
drf_server_error = Ein Serverfehler ist aufgetreten.
    .title = Interner Serverfehler

# A query or path parameter whose value did not parse, by its name.
invalid_query_parameter = Der Abfrageparameter `{ $parameter }` ist ungültig.
    .title = Ungültige Anfrage
invalid_path_parameter = Der Pfadparameter `{ $parameter }` ist ungültig.
    .title = Ungültige Anfrage
