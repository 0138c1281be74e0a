namespace Gatehouse.Gateway.Identity;

/// <summary>Carries an <see cref="IdentityFailure"/> through ASP.NET Core authentication.</summary>
/// <remarks>
/// <c>AuthenticateResult.Fail</c> only takes an exception, so the expected failure travels in one; it is never thrown.
/// Its message is the failure's, which is safe to show.
/// </remarks>
internal sealed class IdentityFailureException : Exception
{
    public IdentityFailureException(IdentityFailure failure)
        : base(failure.Message)
    {
        Failure = failure;
    }

    /// <summary>Gets the failure carried.</summary>
    public IdentityFailure Failure { get; }
}
