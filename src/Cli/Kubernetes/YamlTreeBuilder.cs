using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NatDsl.Cli.Kubernetes;

/// <summary>
/// Reads every document of a YAML stream into <see cref="YamlTreeNode"/>s with positions, from
/// YamlDotNet's parser events. Malformed YAML becomes a <see cref="NatDsl.Formats.DumpParseException"/>
/// at the parser's line and column.
/// </summary>
internal static class YamlTreeBuilder
{
    /// <summary>Deeper nesting than this is rejected rather than risking the stack.</summary>
    public const int MaxDepth = 256;

    public static List<YamlTreeNode> ReadDocuments(SourceText source)
    {
        var documents = new List<YamlTreeNode>();
        var scanner = new Scanner(new StringReader(source.Text));
        var parser = new Parser(scanner);
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is DocumentStart)
                {
                    documents.Add(ReadNode(source, parser, Next(source, parser), 0));
                    if (Next(source, parser) is not DocumentEnd) throw Unexpected(source, parser.Current!);
                }
            }
        }
        catch (YamlException e)
        {
            throw source.Error(ToInt(e.Start.Line), ToInt(e.Start.Column), e.Message);
        }
        catch (System.Exception e) when (e is not NatDsl.Formats.DumpParseException)
        {
            // YamlDotNet's scanner fails on some malformed input with a non-YAML exception; the
            // scanner's position is where it gave up.
            var at = scanner.CurrentPosition;
            throw source.Error(ToInt(at.Line), ToInt(at.Column), "malformed YAML: the parser cannot continue here");
        }
        return documents;
    }

    private static YamlTreeNode ReadNode(SourceText source, Parser parser, ParsingEvent current, int depth)
    {
        if (depth > MaxDepth) throw source.Error(ToInt(current.Start.Line), ToInt(current.Start.Column), "nested deeper than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels");
        switch (current)
        {
            case Scalar scalar:
                return new YamlTreeNode(YamlTreeNodeKind.Scalar, ToInt(scalar.Start.Index), ToInt(scalar.Start.Line), ToInt(scalar.Start.Column))
                {
                    Value = scalar.Value,
                    IsPlain = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty,
                    End = ToInt(scalar.End.Index),
                };
            case AnchorAlias alias:
                return new YamlTreeNode(YamlTreeNodeKind.Alias, ToInt(alias.Start.Index), ToInt(alias.Start.Line), ToInt(alias.Start.Column))
                {
                    End = ToInt(alias.End.Index),
                };
            case SequenceStart start:
            {
                var node = new YamlTreeNode(YamlTreeNodeKind.Sequence, ToInt(start.Start.Index), ToInt(start.Start.Line), ToInt(start.Start.Column));
                ParsingEvent next;
                while ((next = Next(source, parser)) is not SequenceEnd)
                {
                    node.Items.Add(ReadNode(source, parser, next, depth + 1));
                }
                node.End = start.Style == SequenceStyle.Flow || node.Items.Count == 0
                    ? ClosingBracketEnd(next)
                    : node.Items[node.Items.Count - 1].End;
                return node;
            }
            case MappingStart start:
            {
                var node = new YamlTreeNode(YamlTreeNodeKind.Mapping, ToInt(start.Start.Index), ToInt(start.Start.Line), ToInt(start.Start.Column));
                ParsingEvent next;
                while ((next = Next(source, parser)) is not MappingEnd)
                {
                    var key = ReadNode(source, parser, next, depth + 1);
                    var value = ReadNode(source, parser, Next(source, parser), depth + 1);
                    node.Pairs.Add(new KeyValuePair<YamlTreeNode, YamlTreeNode>(key, value));
                }
                node.End = start.Style == MappingStyle.Flow || node.Pairs.Count == 0
                    ? ClosingBracketEnd(next)
                    : node.Pairs[node.Pairs.Count - 1].Value.End;
                return node;
            }
            default:
                throw Unexpected(source, current);
        }
    }

    /// <summary>Just after the <c>]</c> or <c>}</c> of a flow collection: the end event marks the bracket itself.</summary>
    private static int ClosingBracketEnd(ParsingEvent end) => ToInt(end.Start.Index) + 1;

    private static ParsingEvent Next(SourceText source, Parser parser)
    {
        if (!parser.MoveNext() || parser.Current is null) throw source.Error(int.MaxValue, 1, "unexpected end of the YAML stream");
        return parser.Current;
    }

    private static NatDsl.Formats.DumpParseException Unexpected(SourceText source, ParsingEvent e) =>
        source.Error(ToInt(e.Start.Line), ToInt(e.Start.Column), "unexpected " + e.GetType().Name + " in the YAML stream");

    private static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : value < 0 ? 0 : (int)value;
}
