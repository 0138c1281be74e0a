using System.Globalization;
using Antlr4.Runtime;
using Cel.Helpers;
using static Cel.Internal.CelParser;

namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>Compiles the library's CEL parse tree into closures once, so evaluation never walks the tree again.</summary>
/// <remarks>
/// The Cel package interprets its parse tree on every evaluation, which costs micro-seconds and kilobytes per
/// condition. This compiler covers the documented subset (literals, lists, field selection, indexing, operators,
/// string and time functions, macros); a construct outside it raises <see cref="CelUnsupportedException"/> and the
/// condition runs on the library's interpreter instead. Names are resolved here, so a typo is a load error.
/// </remarks>
internal sealed class CelExpressionCompiler
{
    private static readonly HashSet<string> TypeNames = ["int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type"];

    private readonly IReadOnlySet<string> _roots;
    private readonly List<string> _scope = [];

    private CelExpressionCompiler(IReadOnlySet<string> roots)
    {
        _roots = roots;
    }

    public int Slots { get; private set; }

    public static (CelThunk Thunk, int Slots) Compile(StartContext tree, IReadOnlySet<string> roots)
    {
        var compiler = new CelExpressionCompiler(roots);
        var thunk = compiler.Expr(tree.e);
        return (thunk, compiler.Slots);
    }

    private CelThunk Expr(ExprContext context)
    {
        var condition = Or(context.e);
        if (context.op is null)
        {
            return condition;
        }

        var whenTrue = Or(context.e1);
        var whenFalse = Expr(context.e2);
        return frame => CelMacros.ToBool(condition(frame)) ? whenTrue(frame) : whenFalse(frame);
    }

    private CelThunk Or(ConditionalOrContext context) =>
        context._e1.Count == 0 ? And(context.e) : CelLogic.Any([And(context.e), .. context._e1.Select(And)]);

    private CelThunk And(ConditionalAndContext context) =>
        context._e1.Count == 0 ? Relation(context.e) : CelLogic.All([Relation(context.e), .. context._e1.Select(Relation)]);

    private CelThunk Relation(RelationContext context)
    {
        if (context.op is null)
        {
            return Calc(context.calc());
        }

        var left = Relation(context.relation(0));
        var right = Relation(context.relation(1));
        return context.op.Text switch
        {
            "==" => frame => CelValues.Box(CelOperators.AreEqual(left(frame), right(frame))),
            "!=" => frame => CelValues.Box(!CelOperators.AreEqual(left(frame), right(frame))),
            "<" => frame => CelValues.Box(CelOperators.Compare(left(frame), right(frame)) < 0),
            "<=" => frame => CelValues.Box(CelOperators.Compare(left(frame), right(frame)) <= 0),
            ">" => frame => CelValues.Box(CelOperators.Compare(left(frame), right(frame)) > 0),
            ">=" => frame => CelValues.Box(CelOperators.Compare(left(frame), right(frame)) >= 0),
            _ => frame => CelValues.Box(CelOperators.In(left(frame), right(frame))),
        };
    }

    private CelThunk Calc(CalcContext context)
    {
        if (context.op is null)
        {
            return Unary(context.unary());
        }

        var left = Calc(context.calc(0));
        var right = Calc(context.calc(1));
        var op = context.op.Text;
        return op switch
        {
            "+" => frame => CelOperators.Add(left(frame), right(frame)),
            "-" => frame => CelOperators.Subtract(left(frame), right(frame)),
            _ => frame => CelOperators.Arithmetic(op, left(frame), right(frame)),
        };
    }

    private CelThunk Unary(UnaryContext context)
    {
        switch (context)
        {
            case MemberExprContext member:
                return Member(member.member());
            case LogicalNotContext not:
                var operand = Member(not.member());
                return not._ops.Count % 2 == 0 ? operand : frame => CelValues.Box(!CelMacros.ToBool(operand(frame)));
            case NegateContext negate:
                var value = Member(negate.member());
                return negate._ops.Count % 2 == 0 ? value : frame => CelOperators.Negate(value(frame));
            default:
                throw new CelUnsupportedException(context.GetType().Name);
        }
    }

    private CelThunk Member(MemberContext context)
    {
        switch (context)
        {
            case PrimaryExprContext primary:
                return Primary(primary.primary());
            case SelectContext select when select.opt is null:
                var target = Member(select.member());
                var field = select.id.Text;
                return frame => CelValues.Select(target(frame), field);
            case MemberCallContext call:
                return MemberCall(call);
            case IndexContext index when index.opt is null:
                var collection = Member(index.member());
                var key = Expr(index.index);
                return frame => CelValues.Index(collection(frame), key(frame));
            default:
                throw new CelUnsupportedException(context.GetType().Name);
        }
    }

    private CelThunk Primary(PrimaryContext context)
    {
        switch (context)
        {
            case IdentOrGlobalCallContext ident when ident.leadingDot is null:
                return ident.op is null ? Identifier(ident.id) : GlobalCall(ident.id, Arguments(ident.args));
            case NestedContext nested:
                return Expr(nested.e);
            case CreateListContext list:
                var items = list.elems?._elems.Select(e => e.opt is null ? Expr(e.e) : throw new CelUnsupportedException("optional element")).ToArray() ?? [];
                return frame =>
                {
                    var result = new List<object?>(items.Length);
                    foreach (var item in items)
                    {
                        result.Add(item(frame));
                    }

                    return result;
                };
            case ConstantLiteralContext literal:
                var constant = Literal(literal.literal());
                return _ => constant;
            default:
                throw new CelUnsupportedException(context.GetType().Name);
        }
    }

    private CelThunk Identifier(IToken token)
    {
        var name = token.Text;
        var slot = _scope.LastIndexOf(name);
        if (slot >= 0)
        {
            return frame => frame.Slots[slot];
        }

        if (_roots.Contains(name))
        {
            return frame => frame.Variables.TryGetValue(name, out var value)
                ? value
                : throw new CelEvaluationException($"undeclared reference to '{name}'");
        }

        throw TypeNames.Contains(name)
            ? new CelUnsupportedException("type literal")
            : new CelCompileException($"undeclared reference to '{name}'", token.Line, token.Column + 1);
    }

    private CelThunk GlobalCall(IToken name, IList<ExprContext> arguments)
    {
        if (name.Text == "has" && arguments.Count == 1 && Unwrap(arguments[0]) is SelectContext { opt: null } select)
        {
            var target = Member(select.member());
            var field = select.id.Text;
            return frame => CelValues.Box(CelValues.Has(target(frame), field));
        }

        if (arguments.Count == 1 && CelBuiltins.Unary(name.Text) is { } unary)
        {
            var argument = Expr(arguments[0]);
            return frame => unary(argument(frame));
        }

        if (arguments.Count == 2 && CelBuiltins.Member1(name.Text, LiteralText(arguments[1])) is { } binary)
        {
            var target = Expr(arguments[0]);
            var argument = Expr(arguments[1]);
            return frame => binary(target(frame), argument(frame));
        }

        throw new CelUnsupportedException($"function {name.Text}");
    }

    private CelThunk MemberCall(MemberCallContext call)
    {
        var name = call.id.Text;
        var arguments = Arguments(call.args);
        var target = Member(call.member());
        if (arguments.Count == 2 && Unwrap(arguments[0]) is PrimaryExprContext { } primary
            && primary.primary() is IdentOrGlobalCallContext { op: null, leadingDot: null } variable)
        {
            var slot = _scope.Count;
            _scope.Add(variable.id.Text);
            Slots = Math.Max(Slots, _scope.Count);
            var body = Expr(arguments[1]);
            _scope.RemoveAt(_scope.Count - 1);
            return CelMacros.Bind(name, target, slot, body) ?? throw new CelUnsupportedException($"macro {name}");
        }

        if (arguments.Count == 0 && CelBuiltins.Member0(name) is { } nullary)
        {
            return frame => nullary(target(frame));
        }

        if (arguments.Count == 1 && CelBuiltins.Member1(name, LiteralText(arguments[0])) is { } unary)
        {
            var argument = Expr(arguments[0]);
            return frame => unary(target(frame), argument(frame));
        }

        throw new CelUnsupportedException($"member function {name}");
    }

    private static IList<ExprContext> Arguments(ExprListContext? list) => list?._e ?? [];

    private static string? LiteralText(ExprContext context) =>
        Unwrap(context) is PrimaryExprContext primary && primary.primary() is ConstantLiteralContext literal
            && literal.literal() is StringContext text ? (string?)StringHelpers.Unescape(text.tok.Text, false) : null;

    /// <summary>Returns the member an expression consists of alone, seeing through the precedence levels.</summary>
    private static MemberContext? Unwrap(ExprContext context) =>
        context.op is null && context.e._e1.Count == 0 && context.e.e._e1.Count == 0 && context.e.e.e.op is null
        && context.e.e.e.calc() is { op: null } calc && calc.unary() is MemberExprContext member ? member.member() : null;

    private static object? Literal(LiteralContext context)
    {
        switch (context)
        {
            case IntContext integer:
                var text = (integer.sign is null ? "" : "-") + integer.tok.Text;
                return text.Contains("0x", StringComparison.Ordinal)
                    ? (text.StartsWith('-') ? -1 : 1) * long.Parse(text.Replace("-", "", StringComparison.Ordinal)[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    : long.Parse(text, CultureInfo.InvariantCulture);
            case DoubleContext number:
                return double.Parse((number.sign is null ? "" : "-") + number.tok.Text, CultureInfo.InvariantCulture);
            case StringContext value:
                return StringHelpers.Unescape(value.tok.Text, false) as string ?? throw new CelUnsupportedException("string literal");
            case BoolTrueContext:
                return CelValues.True;
            case BoolFalseContext:
                return CelValues.False;
            case NullContext:
                return null;
            default:
                throw new CelUnsupportedException(context.GetType().Name);
        }
    }
}
