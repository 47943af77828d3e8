namespace NatDsl.Model;

/// <summary>
/// How exactly a counter is known. Counters read from a listing without <c>-x</c> are shown
/// rounded with a K/M/G/T suffix; the model keeps the shown value and its unit so that the
/// listing renders back as it was shown.
/// </summary>
public enum CounterScale
{
    /// <summary>The exact value.</summary>
    Exact = 0,

    /// <summary>Shown as <c>nK</c>: value is n, meaning about n·10³.</summary>
    Kilo = 1,

    /// <summary>Shown as <c>nM</c>.</summary>
    Mega = 2,

    /// <summary>Shown as <c>nG</c>.</summary>
    Giga = 3,

    /// <summary>Shown as <c>nT</c>.</summary>
    Tera = 4,
}
