namespace Gatehouse.Cli;

/// <summary>The exit codes every command shares, documented in each command's help.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command ran, and its answer is "no": verification failed, nothing was found, a secret was found.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line or the configuration is invalid.</summary>
    public const int Usage = 2;

    /// <summary>The store could not be opened or written.</summary>
    public const int StoreUnavailable = 3;

    public const string Help = "Exit codes: 0 success; 1 the check failed or nothing was found; 2 invalid command line or configuration; 3 the store could not be opened.";
}
