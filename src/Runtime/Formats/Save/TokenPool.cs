namespace NatDsl.Formats.Save;

/// <summary>
/// One string per distinct short token while a file is read: chain names, option and module
/// names, targets and repeated values are allocated once instead of once per line (a large
/// dump repeats them hundreds of thousands of times), and the rule set shares them. The tokens
/// asked for most (option and module names, the chain of the rules before) are found in a small
/// table of recent ones before the large one, which a large dump makes too big for the caches.
/// </summary>
internal sealed class TokenPool
{
    /// <summary>Longer tokens are rarely repeated: they are not pooled (a comment, at most 255 bytes, is).</summary>
    internal const int MaxLength = 256;

    private const int RecentSlots = 512;

    private readonly string?[] _recent = new string?[RecentSlots];
    private SharedTokens? _shared;
    private string?[] _slots = new string?[1024];
    private uint[] _hashes = new uint[1024];
    private int _count;

    /// <summary>The number of distinct strings held.</summary>
    public int Count => _count;

    /// <summary>
    /// Sizes an empty pool for about <paramref name="tokens"/> distinct tokens (a large dump would
    /// otherwise double the table a dozen times, rehashing it each time). The table is filled up
    /// to three quarters: the tokens asked for most are found in the small table of recent ones.
    /// </summary>
    public void Reserve(int tokens)
    {
        if (_count > 0) return;
        var size = _slots.Length;
        while (size < (1 << 22) && size * 3L < tokens * 4L) size *= 2;
        if (size == _slots.Length) return;
        _slots = new string?[size];
        _hashes = new uint[size];
    }

    /// <summary>Looks tokens up in <paramref name="shared"/> (with the other threads reading the same dump) before this pool's own table.</summary>
    public void Use(SharedTokens shared) => _shared = shared;

    /// <summary><c>source.Substring(start, length)</c>, shared with earlier equal tokens.</summary>
    public string Intern(string source, int start, int length)
    {
        if (length == 0) return string.Empty;
        if (length > MaxLength) return source.Substring(start, length);
        var hash = Hash(source, start, length);
        var recent = (int)(hash & (RecentSlots - 1));
        var r = _recent[recent];
        if (r is not null && r.Length == length && string.CompareOrdinal(r, 0, source, start, length) == 0) return r;
        if (_shared?.Intern(source, start, length, hash) is { } shared) return _recent[recent] = shared;
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var s = _slots[slot];
            if (s is null) return _recent[recent] = Add(slot, hash, source.Substring(start, length));
            if (_hashes[slot] == hash && s.Length == length && string.CompareOrdinal(s, 0, source, start, length) == 0) return _recent[recent] = s;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary><paramref name="value"/> or an earlier equal string (of any length): it is kept when it is new.</summary>
    public string Intern(string value)
    {
        var length = value.Length;
        if (length == 0) return string.Empty;
        var hash = Hash(value, 0, length);
        if (_shared?.Intern(value, hash) is { } shared) return shared;
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var s = _slots[slot];
            if (s is null) return Add(slot, hash, value);
            if (ReferenceEquals(s, value)) return s;
            if (_hashes[slot] == hash && s.Length == length && string.CompareOrdinal(s, value) == 0) return s;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary><c>new string(source, 0, length)</c>, shared with earlier equal tokens.</summary>
    public string Intern(char[] source, int length)
    {
        if (length == 0) return string.Empty;
        if (length > MaxLength) return new string(source, 0, length);
        var hash = Hash(source, length);
        if (_shared?.Intern(source, length, hash) is { } shared) return shared;
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var s = _slots[slot];
            if (s is null) return Add(slot, hash, new string(source, 0, length));
            if (_hashes[slot] == hash && s.Length == length && Same(s, source, length)) return s;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>A hash of <c>s[start..start+length)</c> taking two characters a step, its bits mixed at the end (the table uses the low ones).</summary>
    internal static uint Hash(string s, int start, int length)
    {
        var hash = (uint)length * 0x9E3779B1u;
        var i = start;
        var end = start + length;
        for (; i + 1 < end; i += 2) hash = (hash ^ (s[i] | ((uint)s[i + 1] << 16))) * 0x9E3779B1u;
        if (i < end) hash = (hash ^ s[i]) * 0x9E3779B1u;
        return Mix(hash);
    }

    /// <summary>As <see cref="Hash(string, int, int)"/> for <c>chars[0..length)</c>.</summary>
    private static uint Hash(char[] chars, int length)
    {
        var hash = (uint)length * 0x9E3779B1u;
        var i = 0;
        for (; i + 1 < length; i += 2) hash = (hash ^ (chars[i] | ((uint)chars[i + 1] << 16))) * 0x9E3779B1u;
        if (i < length) hash = (hash ^ chars[i]) * 0x9E3779B1u;
        return Mix(hash);
    }

    /// <summary>MurmurHash3's finalizer: every bit of the input moves the low bits.</summary>
    private static uint Mix(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 16;
        return hash;
    }

    private static bool Same(string s, char[] chars, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (s[i] != chars[i]) return false;
        }
        return true;
    }

    private string Add(int slot, uint hash, string value)
    {
        _slots[slot] = value;
        _hashes[slot] = hash;
        if (++_count * 4L > _slots.Length * 3L) Grow();
        return value;
    }

    /// <summary>Doubles the table, placing each string by its kept hash (not hashed again).</summary>
    private void Grow()
    {
        var old = _slots;
        var oldHashes = _hashes;
        _slots = new string?[old.Length * 2];
        _hashes = new uint[old.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = 0; i < old.Length; i++)
        {
            var s = old[i];
            if (s is null) continue;
            var hash = oldHashes[i];
            var slot = (int)(hash & (uint)mask);
            while (_slots[slot] is not null) slot = (slot + 1) & mask;
            _slots[slot] = s;
            _hashes[slot] = hash;
        }
    }
}
