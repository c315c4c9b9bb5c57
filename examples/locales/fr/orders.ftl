order_not_found = La commande { $arg0 } n’existe pas.
    .title = Introuvable
throttled = Trop de requêtes ; réessayez plus tard.
    .title = Trop de requêtes
internal = Le serveur a rencontré une condition inattendue.
    .title = Erreur interne du serveur
