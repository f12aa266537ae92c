package dev.filegate.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the Helm chart's templates without helm: the subset of Go's text/template, and of Helm's and Sprig's
 * functions, that {@code deploy/helm/filegate/templates} uses, and nothing more. It is strict where helm is lenient,
 * so that the chart cannot drift past what the build checks: an unknown function, construct or keyword, a value
 * missing from values.yaml, or printing a map, a list or nothing fails the render instead of printing empty.
 *
 * <p>Supported: text with {@code {{- }}} / {@code -}}} whitespace trimming and comments; {@code if}/{@code else},
 * {@code with}/{@code else}, {@code range $k, $v := map-or-list}, {@code define} with {@code include}; pipelines of
 * fields ({@code .A.b}), variables ({@code $}, {@code $x.y}), string and number literals and parenthesised
 * pipelines; the functions {@code include default quote toYaml nindent indent trunc trimSuffix printf sha256sum not}.
 * Maps range in sorted key order, as in Go. {@code toYaml} keeps the values' key order (helm sorts keys): equal as
 * YAML, not as text.
 */
final class ChartTemplates {

    private final Map<String, List<Node>> defines = new HashMap<>();
    private final Map<String, List<Node>> files = new HashMap<>();

    /** Parses {@code sources} (file name to text); {@code define}s of every file are visible to every file. */
    ChartTemplates(Map<String, String> sources) {
        sources.forEach((name, text) -> files.put(name, new Parser(name, text).parseFile()));
    }

    /** The output of one template file for {@code root} (the map of {@code Values}, {@code Release}, {@code Chart}). */
    String render(String file, Map<String, Object> root) {
        List<Node> nodes = files.get(file);
        if (nodes == null) {
            throw new IllegalArgumentException("no template " + file);
        }
        StringBuilder out = new StringBuilder();
        new Scope(root, root, null).renderAll(nodes, out);
        return out.toString();
    }

    // --- syntax ---

    private sealed interface Node permits Text, Action, If, With, Range {}

    private record Text(String text) implements Node {}

    private record Action(Pipeline pipeline) implements Node {}

    private record If(Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {}

    private record With(Pipeline value, List<Node> then, List<Node> otherwise) implements Node {}

    private record Range(String keyVar, String valueVar, Pipeline over, List<Node> body) implements Node {}

    private record Pipeline(List<List<Operand>> commands) {}

    private sealed interface Operand permits Literal, Field, Variable, Function, Nested {}

    private record Literal(Object value) implements Operand {}

    /** {@code .A.b} relative to dot; no names: dot itself. */
    private record Field(List<String> names) implements Operand {}

    /** {@code $x.a.b}; {@code $} is the root. */
    private record Variable(String name, List<String> names) implements Operand {}

    private record Function(String name) implements Operand {}

    private record Nested(Pipeline pipeline) implements Operand {}

    /** One {@code {{ }}} action's words, or a text run, in the order they came, whitespace trimming applied. */
    private record Item(String text, String action) {}

    private final class Parser {
        private final String file;
        private final List<Item> items;
        private int at;

        Parser(String file, String source) {
            this.file = file;
            this.items = lex(source);
        }

        List<Node> parseFile() {
            List<Node> nodes = new ArrayList<>();
            while (at < items.size()) {
                Item item = items.get(at);
                List<String> words = item.action() == null ? List.of() : tokens(item.action());
                if (!words.isEmpty() && words.get(0).equals("define")) {
                    at++;
                    List<Node> body = new ArrayList<>();
                    String end = parseUntil(body);
                    require(end.equals("end"), "define ended by " + end);
                    defines.put(unquote(words.get(1)), body);
                } else {
                    String end = parseUntil(nodes);
                    require(end == null || end.equals("define"), "unexpected {{ " + end + " }}");
                }
            }
            return nodes;
        }

        /** Parses nodes into {@code into} up to {@code else}, {@code end} or the end; returns which (null: the end). */
        private String parseUntil(List<Node> into) {
            while (at < items.size()) {
                Item item = items.get(at);
                if (item.action() == null) {
                    into.add(new Text(item.text()));
                    at++;
                    continue;
                }
                List<String> words = tokens(item.action());
                if (words.isEmpty()) { // a comment
                    at++;
                    continue;
                }
                String first = words.get(0);
                switch (first) {
                    case "end", "else" -> {
                        require(words.size() == 1, "{{ " + first + " }} takes nothing (no else-if here)");
                        at++;
                        return first;
                    }
                    case "define" -> {
                        return "define";
                    }
                    case "if", "with" -> {
                        at++;
                        Pipeline p = pipeline(words.subList(1, words.size()));
                        List<Node> then = new ArrayList<>();
                        List<Node> otherwise = new ArrayList<>();
                        String end = parseUntil(then);
                        if ("else".equals(end)) {
                            end = parseUntil(otherwise);
                        }
                        require("end".equals(end), first + " without end");
                        into.add(first.equals("if") ? new If(p, then, otherwise) : new With(p, then, otherwise));
                    }
                    case "range" -> {
                        at++;
                        int assign = words.indexOf(":=");
                        require(assign > 0, "range needs $k, $v := (or $v :=)");
                        List<String> vars = words.subList(1, assign).stream()
                                .filter(w -> !w.equals(","))
                                .toList();
                        require(vars.size() == 2 || vars.size() == 1, "range variables: " + vars);
                        List<Node> body = new ArrayList<>();
                        require("end".equals(parseUntil(body)), "range without end (or with else)");
                        into.add(new Range(
                                vars.size() == 2 ? vars.get(0) : null,
                                vars.get(vars.size() - 1),
                                pipeline(words.subList(assign + 1, words.size())),
                                body));
                    }
                    case "template", "block", "break", "continue" -> throw fail("unsupported {{ " + first + " }}");
                    default -> {
                        at++;
                        into.add(new Action(pipeline(words)));
                    }
                }
            }
            return null;
        }

        private Pipeline pipeline(List<String> words) {
            List<List<Operand>> commands = new ArrayList<>();
            List<Operand> command = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (w.equals("|")) {
                    require(!command.isEmpty(), "empty command");
                    commands.add(command);
                    command = new ArrayList<>();
                } else if (w.equals("(")) {
                    int depth = 1;
                    int j = i + 1;
                    for (; j < words.size() && depth > 0; j++) {
                        depth += words.get(j).equals("(") ? 1 : words.get(j).equals(")") ? -1 : 0;
                    }
                    require(depth == 0, "unbalanced (");
                    command.add(new Nested(pipeline(words.subList(i + 1, j - 1))));
                    i = j - 1;
                } else {
                    command.add(operand(w));
                }
            }
            require(!command.isEmpty(), "empty pipeline");
            commands.add(command);
            return new Pipeline(commands);
        }

        private Operand operand(String w) {
            if (w.startsWith("\"")) {
                return new Literal(unquote(w));
            }
            if (w.matches("-?\\d+")) {
                return new Literal(Long.parseLong(w));
            }
            if (w.equals("true") || w.equals("false")) {
                return new Literal(Boolean.parseBoolean(w));
            }
            if (w.startsWith(".")) {
                return new Field(
                        w.equals(".") ? List.of() : List.of(w.substring(1).split("\\.")));
            }
            if (w.startsWith("$")) {
                String[] parts = w.split("\\.");
                return new Variable(parts[0], List.of(parts).subList(1, parts.length));
            }
            if (w.matches("[A-Za-z][A-Za-z0-9]*")) {
                return new Function(w);
            }
            throw fail("cannot read '" + w + "'");
        }

        private void require(boolean ok, String what) {
            if (!ok) {
                throw fail(what);
            }
        }

        private IllegalStateException fail(String what) {
            return new IllegalStateException(file + ": " + what);
        }
    }

    /** Splits the source into text and actions, applying {@code {{-} and {@code -}}} trimming. */
    private static List<Item> lex(String source) {
        List<Item> items = new ArrayList<>();
        int i = 0;
        boolean trimNext = false;
        while (i < source.length()) {
            int open = source.indexOf("{{", i);
            String text = source.substring(i, open < 0 ? source.length() : open);
            if (trimNext) {
                text = text.stripLeading();
            }
            if (open < 0) {
                items.add(new Item(text, null));
                break;
            }
            int close = closing(source, open + 2);
            String inside = source.substring(open + 2, close);
            boolean trimBefore = inside.startsWith("- ") || inside.startsWith("-\n");
            trimNext = inside.endsWith(" -") || inside.endsWith("\n-");
            if (trimBefore) {
                text = text.stripTrailing();
                inside = inside.substring(1);
            }
            if (trimNext) {
                inside = inside.substring(0, inside.length() - 1);
            }
            items.add(new Item(text, null));
            String action = inside.strip();
            items.add(new Item(null, action.startsWith("/*") && action.endsWith("*/") ? "" : action));
            i = close + 2;
        }
        return items;
    }

    /** Where the action opened before {@code from} closes, skipping string literals. */
    private static int closing(String source, int from) {
        boolean quoted = false;
        for (int i = from; i < source.length() - 1; i++) {
            char c = source.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '}' && source.charAt(i + 1) == '}') {
                return i;
            }
        }
        throw new IllegalStateException("unclosed {{ at " + from);
    }

    /** An action's words: string literals whole, {@code ( ) | , :=} apart, everything else split on whitespace. */
    private static List<String> tokens(String action) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < action.length()) {
            char c = action.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (action.charAt(j) != '"') {
                    j += action.charAt(j) == '\\' ? 2 : 1;
                }
                words.add(action.substring(i, j + 1));
                i = j + 1;
            } else if ("()|,".indexOf(c) >= 0) {
                words.add(String.valueOf(c));
                i++;
            } else if (action.startsWith(":=", i)) {
                words.add(":=");
                i += 2;
            } else {
                int j = i;
                while (j < action.length()
                        && !Character.isWhitespace(action.charAt(j))
                        && "()|,\"".indexOf(action.charAt(j)) < 0
                        && !action.startsWith(":=", j)) {
                    j++;
                }
                words.add(action.substring(i, j));
                i = j;
            }
        }
        return words;
    }

    private static String unquote(String literal) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                char e = literal.charAt(++i);
                b.append(
                        switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case '"', '\\' -> e;
                            default -> throw new IllegalStateException("unsupported escape \\" + e);
                        });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // --- evaluation ---

    private final class Scope {
        private final Object dot;
        private final Map<String, Object> root;
        private final Map<String, Object> variables = new HashMap<>();
        private final Scope parent;

        Scope(Object dot, Map<String, Object> root, Scope parent) {
            this.dot = dot;
            this.root = root;
            this.parent = parent;
        }

        void renderAll(List<Node> nodes, StringBuilder out) {
            for (Node node : nodes) {
                render(node, out);
            }
        }

        private void render(Node node, StringBuilder out) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Action a) {
                out.append(print(evaluate(a.pipeline())));
            } else if (node instanceof If i) {
                renderAll(truthy(evaluate(i.condition())) ? i.then() : i.otherwise(), out);
            } else if (node instanceof With w) {
                Object value = evaluate(w.value());
                if (truthy(value)) {
                    new Scope(value, root, this).renderAll(w.then(), out);
                } else {
                    renderAll(w.otherwise(), out);
                }
            } else if (node instanceof Range r) {
                renderRange(r, out);
            }
        }

        private void renderRange(Range r, StringBuilder out) {
            Object over = evaluate(r.over());
            Map<Object, Object> entries = new TreeMap<>();
            if (over instanceof Map<?, ?> m) {
                m.forEach((k, v) -> entries.put(String.valueOf(k), v));
            } else if (over instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    entries.put((long) i, l.get(i));
                }
            } else if (over != null) {
                throw new IllegalStateException("range over " + over.getClass().getSimpleName());
            }
            entries.forEach((k, v) -> {
                Scope s = new Scope(v, root, this);
                if (r.keyVar() != null) {
                    s.variables.put(r.keyVar(), k);
                }
                s.variables.put(r.valueVar(), v);
                s.renderAll(r.body(), out);
            });
        }

        private Object evaluate(Pipeline p) {
            Object piped = null;
            boolean first = true;
            for (List<Operand> command : p.commands()) {
                piped = command(command, first ? null : piped, !first);
                first = false;
            }
            return piped;
        }

        private Object command(List<Operand> command, Object piped, boolean hasPiped) {
            if (command.get(0) instanceof Function f) {
                List<Object> args = new ArrayList<>();
                for (Operand o : command.subList(1, command.size())) {
                    args.add(value(o));
                }
                if (hasPiped) {
                    args.add(piped);
                }
                return call(f.name(), args);
            }
            if (command.size() != 1 || hasPiped) {
                throw new IllegalStateException("only a function takes arguments: " + command);
            }
            return value(command.get(0));
        }

        private Object value(Operand o) {
            if (o instanceof Literal l) {
                return l.value();
            } else if (o instanceof Field f) {
                return walk(dot, f.names(), ".");
            } else if (o instanceof Variable v) {
                return walk(v.name().equals("$") ? root : variable(v.name()), v.names(), v.name());
            } else if (o instanceof Nested n) {
                return evaluate(n.pipeline());
            }
            return call(((Function) o).name(), List.of());
        }

        private Object variable(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.variables.containsKey(name)) {
                    return s.variables.get(name);
                }
            }
            throw new IllegalStateException("undefined variable " + name);
        }

        private Object walk(Object from, List<String> names, String path) {
            Object at = from;
            StringBuilder where = new StringBuilder(path);
            for (String name : names) {
                where.append('.').append(name);
                if (!(at instanceof Map<?, ?> m) || !m.containsKey(name)) {
                    throw new IllegalStateException(
                            where + " is not defined (values.yaml must define every value used)");
                }
                at = m.get(name);
            }
            return at;
        }

        private Object call(String name, List<Object> args) {
            return switch (name) {
                case "include" -> {
                    List<Node> body = defines.get(string(args.get(0)));
                    if (body == null) {
                        throw new IllegalStateException("no define " + args.get(0));
                    }
                    StringBuilder out = new StringBuilder();
                    new Scope(args.get(1), root, null).renderAll(body, out);
                    yield out.toString();
                }
                case "default" -> truthy(args.get(1)) ? args.get(1) : args.get(0);
                case "quote" -> {
                    List<String> quoted = new ArrayList<>();
                    for (Object a : args) {
                        if (a != null) {
                            quoted.add(goQuote(print(a)));
                        }
                    }
                    yield String.join(" ", quoted);
                }
                case "toYaml" -> toYaml(args.get(0));
                case "nindent" -> "\n" + indent(number(args.get(0)), string(args.get(1)));
                case "indent" -> indent(number(args.get(0)), string(args.get(1)));
                case "trunc" -> {
                    String s = string(args.get(1));
                    yield s.length() > number(args.get(0)) ? s.substring(0, number(args.get(0))) : s;
                }
                case "trimSuffix" -> {
                    String s = string(args.get(1));
                    String suffix = string(args.get(0));
                    yield s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
                }
                case "printf" -> {
                    String format = string(args.get(0)).replace("%v", "%s");
                    yield String.format(format, args.subList(1, args.size()).toArray());
                }
                case "sha256sum" -> sha256(string(args.get(0)));
                case "not" -> !truthy(args.get(0));
                default -> throw new IllegalStateException("unsupported function " + name);
            };
        }
    }

    private static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        } else if (v instanceof Number n) {
            return n.doubleValue() != 0;
        } else if (v instanceof String s) {
            return !s.isEmpty();
        } else if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        } else if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return v != null;
    }

    private static String print(Object v) {
        if (v == null || v instanceof Map || v instanceof Collection) {
            throw new IllegalStateException("printing "
                    + (v == null ? "nothing" : v.getClass().getSimpleName()) + ": use toYaml, or a value that exists");
        }
        return String.valueOf(v);
    }

    private static String string(Object v) {
        if (!(v instanceof String s)) {
            throw new IllegalStateException("expected a string, got " + v);
        }
        return s;
    }

    private static int number(Object v) {
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("expected a number, got " + v);
        }
        return n.intValue();
    }

    private static String indent(int n, String s) {
        String pad = " ".repeat(n);
        return pad + s.replace("\n", "\n" + pad);
    }

    /** Go's {@code %q} for the characters YAML values here contain. */
    private static String goQuote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        throw new IllegalStateException("control character in a quoted value");
                    }
                    b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private static String toYaml(Object v) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        String dumped = new Yaml(options).dump(v);
        return dumped.endsWith("\n") ? dumped.substring(0, dumped.length() - 1) : dumped;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
