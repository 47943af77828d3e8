using NatDsl.Model;

namespace NatDsl.Tests.Mutation;

/// <summary>One file of the mutation corpus: its name, bytes, parser and the parser's arguments.</summary>
/// <param name="Name">The file name (for messages).</param>
/// <param name="Bytes">The file's bytes as committed.</param>
/// <param name="Kind">The parser that reads it.</param>
/// <param name="Table">The table of a <c>-S</c> file (its file name says it).</param>
/// <param name="Family">IPv6 for the ip6tables vector, else IPv4.</param>
public sealed record CorpusFile(string Name, byte[] Bytes, DumpKind Kind, string Table, IpFamily Family);
