using System.Threading;

namespace NatDsl.Formats.Save;

/// <summary>
/// One string per distinct token for all the threads that read one dump at once (the workers
/// and the line loop), without locks: a chain's name, written by one worker on its chain line
/// and by others on the rules that jump to it, is then one string in the rule set. A fixed
/// table: once three quarters full, new tokens are left to each thread's own
/// <see cref="TokenPool"/> table.
/// </summary>
internal sealed class SharedTokens
{
    private readonly string?[] _slots;

    /// <summary>Each slot's <see cref="TokenPool.Hash(string, int, int)"/>, written just after its string (0 until then).</summary>
    private readonly uint[] _hashes;
    private readonly int _limit;
    private int _count;

    /// <param name="tokens">About how many distinct tokens the dump has.</param>
    public SharedTokens(int tokens)
    {
        var size = 1024;
        while (size < (1 << 22) && size * 3L < tokens * 4L) size *= 2;
        _slots = new string?[size];
        _hashes = new uint[size];
        _limit = size / 4 * 3;
    }

    /// <summary>The number of distinct strings held.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// The string for <c>source[start..start+length)</c> (whose hash is <paramref name="hash"/>),
    /// added when new; null when it is new and the table is full.
    /// </summary>
    public string? Intern(string source, int start, int length, uint hash)
    {
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        string? created = null;
        while (true)
        {
            var s = Volatile.Read(ref _slots[slot]);
            if (s is null)
            {
                if (Volatile.Read(ref _count) >= _limit) return null;
                created ??= source.Substring(start, length);
                s = Publish(slot, hash, created);
                if (ReferenceEquals(s, created)) return created;
            }
            var h = Volatile.Read(ref _hashes[slot]);
            if ((h == hash || h == 0) && s.Length == length && string.CompareOrdinal(s, 0, source, start, length) == 0) return s;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>As <see cref="Intern(string, int, int, uint)"/> for <c>chars[0..length)</c>.</summary>
    public string? Intern(char[] chars, int length, uint hash)
    {
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        string? created = null;
        while (true)
        {
            var s = Volatile.Read(ref _slots[slot]);
            if (s is null)
            {
                if (Volatile.Read(ref _count) >= _limit) return null;
                created ??= new string(chars, 0, length);
                s = Publish(slot, hash, created);
                if (ReferenceEquals(s, created)) return created;
            }
            var h = Volatile.Read(ref _hashes[slot]);
            if ((h == hash || h == 0) && s.Length == length && Same(s, chars, length)) return s;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary><paramref name="value"/> or an earlier equal string (adding <paramref name="value"/> when new); null when it is new and the table is full.</summary>
    public string? Intern(string value, uint hash)
    {
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var s = Volatile.Read(ref _slots[slot]);
            if (s is null)
            {
                if (Volatile.Read(ref _count) >= _limit) return null;
                s = Publish(slot, hash, value);
                if (ReferenceEquals(s, value)) return value;
            }
            if (ReferenceEquals(s, value)) return s;
            var h = Volatile.Read(ref _hashes[slot]);
            if ((h == hash || h == 0) && string.Equals(s, value, System.StringComparison.Ordinal)) return s;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Puts <paramref name="value"/> in the empty slot, or returns the string another thread put there first.</summary>
    private string Publish(int slot, uint hash, string value)
    {
        var other = Interlocked.CompareExchange(ref _slots[slot], value, null);
        if (other is not null) return other;
        Volatile.Write(ref _hashes[slot], hash);
        Interlocked.Increment(ref _count);
        return value;
    }

    private static bool Same(string s, char[] chars, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (s[i] != chars[i]) return false;
        }
        return true;
    }
}
