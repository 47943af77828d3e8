using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace NatDsl.Threading;

/// <summary>
/// Work split into pieces that run on several threads but must behave as one pass in piece
/// order: each piece writes only its own slot of the caller's result, and when pieces fail the
/// error of the first of them is rethrown (the one a single pass would have met first).
/// </summary>
internal static class PieceWork
{
    /// <summary>Runs <paramref name="body"/> for pieces 0 to <paramref name="count"/> − 1 on up to <paramref name="threads"/> threads (all cores when null).</summary>
    public static void Run(int count, int? threads, Action<int> body)
    {
        var errors = new Exception?[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.For(0, count, options, piece =>
        {
            try
            {
                body(piece);
            }
            catch (Exception e)
            {
                errors[piece] = e;
            }
        });
        foreach (var error in errors)
        {
            if (error is not null) ExceptionDispatchInfo.Capture(error).Throw();
        }
    }
}
