order_not_found = La commande { $id } n’existe pas.
    .title = Introuvable
items_left = { $count ->
        [one] Il ne reste qu’un article.
       *[other] Il ne reste que { $count } articles.
    }
    .title = Conflit
throttled = Ralentissez.
    .title = Trop de requêtes
