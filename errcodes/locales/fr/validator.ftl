# Les messages par défaut des règles de validator.
rule-email = Saisissez une adresse e-mail valide.
rule-url = Saisissez une URL valide.
rule-required = Ce champ est obligatoire.
rule-regex = Cette valeur ne correspond pas au motif requis.
rule-credit_card = Saisissez un numéro de carte bancaire valide.
rule-non_control_character = Ce champ ne doit pas contenir de caractères de contrôle.
rule-length-equal = Ce champ doit contenir exactement { $equal } { $equal ->
        [one] caractère
       *[other] caractères
    }.
rule-length-between = Ce champ doit contenir entre { $min } et { $max } caractères.
rule-length-min = Ce champ doit contenir au moins { $min } { $min ->
        [one] caractère
       *[other] caractères
    }.
rule-length-max = Ce champ doit contenir au plus { $max } { $max ->
        [one] caractère
       *[other] caractères
    }.
rule-length = Ce champ n'a pas une longueur valide.
rule-range-between = Cette valeur doit être comprise entre { $min } et { $max }.
rule-range-min = Cette valeur doit être supérieure ou égale à { $min }.
rule-range-max = Cette valeur doit être inférieure ou égale à { $max }.
rule-range-exclusive_min = Cette valeur doit être strictement supérieure à { $exclusive_min }.
rule-range-exclusive_max = Cette valeur doit être strictement inférieure à { $exclusive_max }.
rule-range = Cette valeur n'est pas dans l'intervalle autorisé.
rule-must_match-other = Ce champ doit correspondre à { $other }.
rule-must_match = Ce champ doit correspondre.
rule-contains-needle = Ce champ doit contenir « { $needle } ».
rule-contains = Il manque une valeur obligatoire dans ce champ.
rule-does_not_contain-needle = Ce champ ne doit pas contenir « { $needle } ».
rule-does_not_contain = Ce champ contient une valeur interdite.
rule-invalid = Saisie non valide.
