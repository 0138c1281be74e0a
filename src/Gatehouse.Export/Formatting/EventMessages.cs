namespace Gatehouse.Export.Formatting;

/// <summary>The one-line human description of an event (<c>message</c>); names and codes only, never content.</summary>
internal static class EventMessages
{
    public static string Of(DecodedEntry decoded)
    {
        if (decoded.Intent is { } intent)
        {
            return $"{intent.Method} on connection {intent.Connection}: {intent.Decision}";
        }

        if (decoded.Outcome is { } outcome)
        {
            return outcome.Failure is null
                ? $"exchange ended with status {outcome.Status}"
                : $"exchange ended with status {outcome.Status}: {outcome.Failure}";
        }

        if (decoded.SignIn is { } signIn)
        {
            return $"sign-in refused: {signIn.Code}";
        }

        return decoded.Review is { } review ? $"{review.Target} {review.Id} {review.Action}" : decoded.Entry.Kind;
    }
}
