/**
 * The privacy policy and terms as shown in the app. Every promise here is enforced by code and
 * proven by a test: see docs/privacy.md.
 */
export const PRIVACY_POLICY: Array<{ heading: string; body: string }> = [
  { heading: 'Who we are', body: 'PromptPixels provides AI creative tools. This policy explains what we keep about you, for how long, and your rights.' },
  { heading: 'Images you generate', body: 'Generated images are delivered to your computer and saved only in your local gallery. Our servers never store them; temporary links expire within an hour.' },
  { heading: 'Prompts', body: 'Prompts and generation settings may be logged for up to 7 days to improve and debug the service, and only while you have not objected. Turning off "Prompt logging" deletes what was logged at once.' },
  { heading: 'Uploads and training photos', body: 'Images you upload for editing are deleted after processing. Character training photos are deleted when training ends, or when you ask.' },
  { heading: 'Technical logs', body: 'IP addresses, user agents and errors are kept for 90 days to keep the service secure, then deleted.' },
  { heading: 'Payments', body: 'Purchases are processed by Polar. We keep transaction records as tax law requires, even after you delete your account; they are then no longer linked to you.' },
  { heading: 'Analytics', body: 'No third-party tracking. Usage is counted only in aggregate (uses per tool per day), and only while you allow it.' },
  { heading: 'Your rights', body: 'You can access and download your data, correct it, delete your account, restrict or object to processing, and withdraw consent at any time from Privacy & data, or write to us with the subject "Privacy Policy Inquiry".' },
  { heading: 'Children', body: 'PromptPixels is not for children under 13. If a child has an account, report it and we delete it.' },
  { heading: 'Security', body: 'Sign-in tokens are kept in your system keychain. Rate limits and fraud checks protect the service and your credits.' },
];

export const TERMS: Array<{ heading: string; body: string }> = [
  { heading: 'Using PromptPixels', body: 'You must be 13 or older. You are responsible for the prompts and images you submit, and must not use the service to create unlawful or harmful content.' },
  { heading: 'Credits', body: 'Paid tools cost credits, shown before you commit. Credits are charged only for results delivered; failed or cancelled work is not charged.' },
  { heading: 'Your content', body: 'Images you create are yours to use, subject to the law and the AI providers’ terms. Add Text to Image runs only on your computer.' },
  { heading: 'Refunds', body: 'Refunded purchases remove the credits they granted, as far as they have not been spent.' },
  { heading: 'Changes', body: 'We may change these terms; we will tell you in the app before changes take effect.' },
];
