namespace NatDsl.Formats.Save;

/// <summary>
/// One string per distinct short token while a file is read: chain names, option and module
/// names, targets and repeated values are allocated once instead of once per line (a large
/// dump repeats them hundreds of thousands of times), and the rule set shares them.
/// </summary>
internal sealed class TokenPool
{
    /// <summary>Longer tokens (long comments) are rarely repeated: they are not pooled.</summary>
    private const int MaxLength = 64;

    private string?[] _slots = new string?[1024];
    private int _count;

    /// <summary><c>source.Substring(start, length)</c>, shared with earlier equal tokens.</summary>
    public string Intern(string source, int start, int length)
    {
        if (length == 0) return string.Empty;
        if (length > MaxLength) return source.Substring(start, length);
        var hash = 2166136261u;
        for (var i = 0; i < length; i++) hash = (hash ^ source[start + i]) * 16777619u;
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var s = _slots[slot];
            if (s is null) return Add(slot, source.Substring(start, length));
            if (s.Length == length && string.CompareOrdinal(s, 0, source, start, length) == 0) return s;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary><c>new string(source, 0, length)</c>, shared with earlier equal tokens.</summary>
    public string Intern(char[] source, int length)
    {
        if (length == 0) return string.Empty;
        if (length > MaxLength) return new string(source, 0, length);
        var hash = 2166136261u;
        for (var i = 0; i < length; i++) hash = (hash ^ source[i]) * 16777619u;
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var s = _slots[slot];
            if (s is null) return Add(slot, new string(source, 0, length));
            if (s.Length == length && Same(s, source, length)) return s;
            slot = (slot + 1) & mask;
        }
    }

    private static bool Same(string s, char[] chars, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (s[i] != chars[i]) return false;
        }
        return true;
    }

    private string Add(int slot, string value)
    {
        _slots[slot] = value;
        if (++_count * 2 > _slots.Length) Grow();
        return value;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new string?[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var s in old)
        {
            if (s is null) continue;
            var hash = 2166136261u;
            for (var i = 0; i < s.Length; i++) hash = (hash ^ s[i]) * 16777619u;
            var slot = (int)(hash & (uint)mask);
            while (_slots[slot] is not null) slot = (slot + 1) & mask;
            _slots[slot] = s;
        }
    }
}
