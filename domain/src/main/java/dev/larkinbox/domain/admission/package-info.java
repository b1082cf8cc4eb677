/**
 * Who may come in: the rules ({@link dev.larkinbox.domain.admission.AccessRules}), the pure policy that applies
 * them ({@link dev.larkinbox.domain.admission.AdmissionPolicy}), signing in with a Lark account
 * ({@link dev.larkinbox.domain.admission.SignInWithLark}) and, for sessions and card clicks, whether someone is
 * still let in ({@link dev.larkinbox.domain.admission.Admissions}).
 */
package dev.larkinbox.domain.admission;
