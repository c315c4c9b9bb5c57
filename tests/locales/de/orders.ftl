order_not_found = Es gibt keine Bestellung { $id }.
    .title = Nicht gefunden
items_left = { $count ->
        [one] Nur noch ein Artikel ist übrig.
       *[other] Nur noch { $count } Artikel sind übrig.
    }
    .title = Konflikt
throttled = Langsamer, bitte.
    .title = Zu viele Anfragen
