namespace Plain;

public static class NotARuleSet
{
    public const int Answer = 42;
}
