using System.Collections.Generic;
using NatDsl.Model;

namespace NatDsl.KubeProxy;

/// <summary>
/// Takes the chains a piece of service ports owns as soon as they are written, on the thread
/// that wrote them (pieces may arrive in any order and at the same time). The compiler keeps only
/// their names: the rule set it returns has empty placeholders in their places.
/// </summary>
internal interface IChainPieceSink
{
    /// <summary>Piece <paramref name="piece"/>'s own chains of table <paramref name="table"/>, in declaration order.</summary>
    void Take(string table, int piece, IReadOnlyList<Chain> chains);
}
