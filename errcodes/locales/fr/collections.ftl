# Le résumé d'une collection et le « (et N autres erreurs) » de Laravel.
fields_failed = { $fields ->
        [one] 1 champ n'a pas passé la validation.
       *[other] { $fields } champs n'ont pas passé la validation.
    }
fields_failed_errors = { $fields ->
        [one] 1 champ n'a pas passé la validation ({ $errors } erreurs).
       *[other] { $fields } champs n'ont pas passé la validation ({ $errors } erreurs).
    }
errors_occurred = { $errors ->
        [one] 1 erreur s'est produite.
       *[other] { $errors } erreurs se sont produites.
    }
and_more_errors = { $count ->
        [one] (et 1 autre erreur)
       *[other] (et { $count } autres erreurs)
    }
unauthorized = Non autorisé.
    .title = Non autorisé
forbidden = Interdit.
    .title = Interdit
conflict = Conflit.
    .title = Conflit
gone = N'existe plus.
    .title = N'existe plus
too_many_requests = Trop de requêtes.
    .title = Trop de requêtes
