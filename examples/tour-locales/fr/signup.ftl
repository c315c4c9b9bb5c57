required = Ce champ est obligatoire.
    .title = Entité non traitable
duplicate = Un compte existe déjà pour { $email }.
    .title = Conflit
rate_limited = { $retry_after ->
        [one] Trop d'inscriptions ; réessayez dans { $retry_after } seconde.
       *[other] Trop d'inscriptions ; réessayez dans { $retry_after } secondes.
    }
    .title = Trop de requêtes
internal = Le serveur a rencontré une condition inattendue.
    .title = Erreur interne du serveur
