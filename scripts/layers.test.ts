/**
 * The layer rule, checked on every file: each layer imports only from the layers below it.
 *
 *   app → components → server → seed? no: seed sits beside scripts, above server (it writes through use cases)
 */
