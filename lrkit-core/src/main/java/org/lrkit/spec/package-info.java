/**
 * The syntax of lrkit's spec language: the text form in which schedules and policies are written, e.g. on a
 * command line or in a config file.
 *
 * <p>This package only reads and prints the text; it does not know what a name such as
 * {@code torch.OneCycleLR} means or which arguments it takes. {@link org.lrkit.spec.Spec#parse(String)}
 * turns text into a {@link org.lrkit.spec.Spec} tree, {@link org.lrkit.spec.Spec#toString()} prints the
 * canonical text back, and malformed text fails with a {@link org.lrkit.spec.SpecSyntaxException} that
 * points at the problem.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Spec policy = Spec.parse("""
 *     policy(lr=oneCycle(start=0.004, peak=0.1, end=4e-07, stepsUp=299, stepsDown=700),
 *            momentum=oneCycle(start=0.95, peak=0.85, end=0.95, stepsUp=299, stepsDown=700))
 *     """);
 * policy.name();                                   // "policy"
 * policy.keys();                                   // [lr, momentum]
 * ((SpecValue.Nested) policy.get("lr").orElseThrow()).spec().get("end");   // Optional[4.0E-7]
 *
 * Spec.parse("torch.MultiStepLR(base_lr=.1, milestones=[30,60,90], gamma=1e-1)").toString();
 * // "torch.MultiStepLR(base_lr=0.1, milestones=[30, 60, 90], gamma=0.1)"
 * }</pre>
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * spec       = name ws "(" ws [ argument { ws "," ws argument } ] ws ")"
 * name       = identifier { "." identifier }                    (no spaces inside a name)
 * argument   = identifier ws "=" ws value                       (each key at most once per spec)
 * value      = integer | real | boolean | none | word | string | list | spec
 * integer    = [ "+" | "-" ] digits                             e.g. 10, -3, +7
 * real       = [ "+" | "-" ] ( digits "." [ digits ] | "." digits | digits ) [ exponent ]
 *                                                               (with a "." or an exponent, or both)
 * exponent   = ( "e" | "E" ) [ "+" | "-" ] digits               e.g. 0.1, .5, 5., 1e-4, -2.5E-3
 * boolean    = "true" | "false" | "True" | "False"
 * none       = "none" | "None" | "null"                         ("not set, use the default")
 * word       = ( letter | "_" ) { letter | digit | "_" | "." | "-" }
 *                                                               not a boolean or none, not followed by "("
 * string     = "'" { char | escape } "'" | '"' { char | escape } '"'
 * escape     = "\\" | "\'" | "\""                               (no other escapes; newlines may appear as is)
 * list       = "[" ws [ value { ws "," ws value } ] ws "]"
 * identifier = ( letter | "_" ) { letter | digit | "_" }        (ASCII letters)
 * digits     = digit { digit }                                 (ASCII digits 0-9)
 * ws         = { " " | tab | line break }
 * </pre>
 *
 * <p>Whitespace may appear between any two tokens and around the whole spec. Arguments must be named
 * ({@code f(0.1)} is rejected); trailing commas are not allowed. {@code inf} and {@code nan} are words, not
 * numbers; integers must fit in a {@code long} and reals must be finite doubles. Lists and specs may be
 * nested up to {@link org.lrkit.spec.Spec#MAX_DEPTH} levels deep.
 *
 * <h2>Canonical text</h2>
 *
 * <p>{@code toString()} prints {@code name(key=value, key=value)} with {@code ", "} between arguments and
 * list elements; integers with {@link java.lang.Long#toString(long)}; reals with
 * {@link java.lang.Double#toString(double)} (so {@code 25.0}, {@code 1.0E-4}, {@code -0.0}); booleans as
 * {@code true}/{@code false}; none as {@code none}; words bare; strings in double quotes with {@code \"}
 * and {@code \\} escaped. Parsing the canonical text of a spec gives back an equal spec, and parsing then
 * printing a canonical text gives back the same text.
 */
package org.lrkit.spec;
