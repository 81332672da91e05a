/**
 * The FormData a server action was posted, or an empty one. A page's form always posts a FormData, but anyone may
 * call an action's endpoint with any serialisable values in its place (a string, an array, a number): read as an
 * empty form, such a call is refused like a form with every field missing, instead of crashing on `formData.get`.
 */
export function actionForm(posted: unknown): FormData {
  return posted instanceof FormData ? posted : new FormData();
}
