using System.Collections.Generic;

namespace NatDsl.Formats.Save;

/// <summary>
/// The rule parse contexts of the workers that parse pieces of one text ahead of the line loop:
/// a piece takes one that no other piece is using and gives it back when done, so there are
/// about as many contexts as threads, each reused for piece after piece with its shared values
/// (<see cref="ParseSharing"/>) instead of new ones per piece; all share one table of strings.
/// </summary>
internal sealed class WorkerContexts
{
    private readonly Stack<RuleParseContext> _idle = new Stack<RuleParseContext>();
    private readonly SaveParseOptions _options;

    /// <param name="options">The parse options (the family each piece starts with).</param>
    /// <param name="tokens">The strings all contexts share.</param>
    public WorkerContexts(SaveParseOptions options, SharedTokens tokens)
    {
        _options = options;
        Tokens = tokens;
    }

    /// <summary>The strings all contexts share (and the line loop with them).</summary>
    public SharedTokens Tokens { get; }

    /// <summary>A context no piece is using, its family as a new parse's.</summary>
    public RuleParseContext Take()
    {
        RuleParseContext? context = null;
        lock (_idle)
        {
            if (_idle.Count > 0) context = _idle.Pop();
        }
        if (context is null)
        {
            context = new RuleParseContext(new FamilyState(_options.Family));
            context.Pool.Use(Tokens);
        }
        context.Family.Restart();
        return context;
    }

    /// <summary>Gives back a context taken with <see cref="Take"/>.</summary>
    public void Return(RuleParseContext context)
    {
        lock (_idle) _idle.Push(context);
    }
}
