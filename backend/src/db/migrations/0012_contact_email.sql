-- Rectification: an email the user chooses for contact, separate from the sign-in email that
-- Google refreshes at every sign-in. NULL means "use the sign-in email".
ALTER TABLE users ADD COLUMN contact_email TEXT;
