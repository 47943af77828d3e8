namespace NatDsl.Model;

/// <summary>The mode of the statistic match.</summary>
public enum StatisticMode
{
    /// <summary><c>--mode random --probability P</c>.</summary>
    Random,

    /// <summary><c>--mode nth --every N --packet P</c>.</summary>
    Nth,
}
