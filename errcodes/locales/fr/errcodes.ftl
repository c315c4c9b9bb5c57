not_found = Introuvable.
    .title = Introuvable
method_not_allowed = { $method ->
        [none] Cette méthode n’est pas autorisée ici.
       *[other] La méthode « { $method } » n’est pas autorisée.
    }
    .title = Méthode non autorisée
not_acceptable = L’en-tête Accept de la requête ne peut pas être satisfait.
    .title = Non acceptable
unsupported_media_type = { $expected ->
        [json] Une requête avec Content-Type: application/json est attendue.
        [form] Une requête avec Content-Type: application/x-www-form-urlencoded est attendue.
        [foreign] Le Content-Type de la requête n’est pas pris en charge.
       *[other] Type de média non pris en charge dans la requête.
    }
    .title = Type de média non pris en charge
malformed_json = { $at ->
        [yes] Le corps de la requête n’est pas du JSON valide (ligne { $line }, colonne { $column }).
       *[other] Le corps de la requête n’est pas du JSON valide.
    }
    .title = Requête invalide
invalid_body = { $at ->
        [yes] Le corps de la requête n’a pas les membres et les types attendus (ligne { $line }, colonne { $column }).
       *[other] Le corps de la requête n’a pas les membres et les types attendus.
    }
    .title = Entité non traitable
body_too_large = Le corps de la requête est trop volumineux.
    .title = Contenu trop volumineux
payload_too_large = Le corps de la requête est trop volumineux.
    .title = Contenu trop volumineux
unreadable_body = Le corps de la requête n’a pas pu être lu.
    .title = Requête invalide
invalid_path = Un paramètre de chemin n’est pas valide.
    .title = Requête invalide
invalid_query = La chaîne de requête n’est pas valide.
    .title = Requête invalide
invalid_form = Le formulaire n’est pas valide.
    .title = Entité non traitable
bad_request = La requête n’a pas pu être traitée.
    .title = Requête invalide
unprocessable_entity = La requête n’a pas pu être traitée.
    .title = Entité non traitable
# What a 5xx says instead of its cause, and the titles of 5xx statuses.
server_error = Le serveur a rencontré une condition inattendue.
    .title = Erreur interne du serveur
internal_server_error = Le serveur a rencontré une condition inattendue.
    .title = Erreur interne du serveur
not_implemented = Le serveur a rencontré une condition inattendue.
    .title = Non implémenté
bad_gateway = Le serveur a rencontré une condition inattendue.
    .title = Mauvaise passerelle
service_unavailable = Le serveur a rencontré une condition inattendue.
    .title = Service indisponible
gateway_timeout = Le serveur a rencontré une condition inattendue.
    .title = Délai de passerelle dépassé

# The generic 5xx texts of the envelopes that have their own: Laravel's
# production message, drf-standardized-errors' server error.
laravel_server_error = Erreur du serveur
    .title = Erreur interne du serveur
drf_server_error = Une erreur du serveur est survenue.
    .title = Erreur interne du serveur

# A query or path parameter whose value did not parse, by its name.
invalid_query_parameter = Le paramètre de requête `{ $parameter }` n’est pas valide.
    .title = Requête invalide
invalid_path_parameter = Le paramètre de chemin `{ $parameter }` n’est pas valide.
    .title = Requête invalide
