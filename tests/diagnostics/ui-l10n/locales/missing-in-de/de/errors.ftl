other = Etwas anderes.
