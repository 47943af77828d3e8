using NatDsl.Model;

namespace NatDsl.Analysis.Diff;

/// <summary>Reads the service a kube-proxy rule belongs to from its comment.</summary>
internal static class ServiceComment
{
    /// <summary>The text of the rule's first comment match, or null.</summary>
    public static string? Of(Rule rule)
    {
        var matches = rule.Matches;
        for (var m = 0; m < matches.Count; m++)
        {
            if (matches[m] is CommentMatch comment) return comment.Text;
        }
        return null;
    }

    /// <summary>
    /// The service-port token a comment starts with (<c>ns/name:port</c>, <c>ns/name:</c> or
    /// <c>ns/name</c>, up to the first space), or null when the comment does not start with one
    /// ("kubernetes service nodeports; …", "masquerade LOCAL traffic for …").
    /// </summary>
    public static string? ServicePortKey(Rule rule)
    {
        var text = Of(rule);
        if (text is null) return null;
        var space = text.IndexOf(' ');
        var token = space < 0 ? text : text.Substring(0, space);
        var slash = token.IndexOf('/');
        if (slash <= 0 || slash == token.Length - 1 || token.IndexOf('/', slash + 1) >= 0) return null;
        return token;
    }

    /// <summary>
    /// The key kube-proxy's <c>orderByCommentServiceName</c> sorts by: the comment up to the first
    /// space or colon; null for a rule without comment.
    /// </summary>
    public static string? ServiceNameKey(Rule rule)
    {
        var text = Of(rule);
        if (text is null) return null;
        var end = text.IndexOfAny(SpaceOrColon);
        return end < 0 ? text : text.Substring(0, end);
    }

    private static readonly char[] SpaceOrColon = { ' ', ':' };
}
